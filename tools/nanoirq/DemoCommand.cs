using System.IO;

namespace NanoIrq.Cli
{
    /// <summary>TRANSIENT placeholder while the verb is being built: exits 1 with a message.</summary>
    public static class DemoCommand
    {
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            stderr.WriteLine("nanoirq: this verb is not built yet.");
            return 1;
        }
    }
}
