using BenchmarkDotNet.Running;

namespace NanoIrq.Benchmarks
{
    /// <summary>Entry point: BenchmarkDotNet's switcher over every benchmark class in this assembly (use --filter).</summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
