using System;
using System.IO;
using System.Text.Json;

namespace NanoIrq.HostTests.Calibrate
{
    /// <summary>Runs NanoIrq.Cli.Program in process, as the command line would.</summary>
    internal static class CalibrateCli
    {
        /// <summary>Runs <c>nanoirq ARGS</c>; returns the exit code.</summary>
        public static int Run(out string stdout, out string stderr, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int rc = NanoIrq.Cli.Program.Run(args, o, e);
            stdout = o.ToString();
            stderr = e.ToString();
            return rc;
        }

        /// <summary>Runs <c>nanoirq replay FILE --active-low --json --debounce D [--glitch G]</c> and returns the parsed JSON.</summary>
        public static JsonDocument Replay(string file, string debounce, string glitch)
        {
            string[] args = glitch == null
                ? new[] { "replay", file, "--active-low", "--json", "--debounce", debounce }
                : new[] { "replay", file, "--active-low", "--json", "--debounce", debounce, "--glitch", glitch };
            int rc = Run(out string stdout, out string stderr, args);
            if (rc != 0)
            {
                throw new InvalidOperationException("replay " + debounce + " exited " + rc + ": " + stderr);
            }

            return JsonDocument.Parse(stdout);
        }

        /// <summary>The repository file at <paramref name="relative"/> (found above the test binaries).</summary>
        public static string RepoFile(string relative)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "README.md")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return Path.Combine(dir ?? ".", relative);
        }
    }
}
