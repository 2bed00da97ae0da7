using System;

namespace NanoIrq.Cli
{
    /// <summary>Entry point: <c>nanoirq VERB [options]</c>. Each verb lives in its own *Command.cs file.</summary>
    public static class Program
    {
        public const string Usage =
            "usage: nanoirq <verb> [options]\n" +
            "verbs:\n" +
            "  demo     run the ButtonCounter demo on a simulated board (default esp32-devkitc)\n" +
            "  replay   run a recorded waveform (VCD or CSV) through the debounce and gesture pipeline\n" +
            "  boards   list the board profiles and their default pins\n" +
            "  calibrate  find the debounce settings that count every press of your own switch (VCD or CSV capture)\n" +
            "run 'nanoirq <verb> --help' for the verb's options.";

        public static int Main(string[] args)
        {
            return Run(args, Console.Out, Console.Error);
        }

        /// <summary>Runs one command line; returns the exit code (0 ok, 2 usage error, 1 failure).</summary>
        public static int Run(string[] args, System.IO.TextWriter stdout, System.IO.TextWriter stderr)
        {
            if (args.Length == 0)
            {
                // No verb: the README's first command ("dotnet run --project tools/nanoirq") runs the demo.
                return DemoCommand.Run(args, stdout, stderr);
            }

            string[] rest = new string[args.Length - 1];
            Array.Copy(args, 1, rest, 0, rest.Length);
            switch (args[0])
            {
                case "demo":
                    return DemoCommand.Run(rest, stdout, stderr);
                case "replay":
                    return ReplayCommand.Run(rest, stdout, stderr);
                case "boards":
                    return BoardsCommand.Run(rest, stdout, stderr);
                case "calibrate":
                    return CalibrateCommand.Run(rest, stdout, stderr);
                case "-h":
                case "--help":
                case "help":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine("nanoirq: unknown verb '" + args[0] + "'.");
                    stderr.WriteLine(Usage);
                    return 2;
            }
        }
    }
}
