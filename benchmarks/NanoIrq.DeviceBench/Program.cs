using System;
using System.Threading;

namespace NanoIrq.DeviceBench
{
    /// <summary>
    /// The device benchmark: time and heap bytes per edge for the stock-style path and for NanoIrq without a
    /// filter, with the default quiet-time debouncer and with the gesture detector, measured in one run on the
    /// interpreter it is deployed to (a board, or a nanoCLR). Prints one line per path and ends with
    /// <c>per-edge: stock &lt;us&gt; us &lt;bytes&gt; B; nanoirq ...; debounced ...; ratio &lt;nanoirq/stock&gt;</c>.
    /// </summary>
    /// <remarks>
    /// <para>Time: <see cref="Rounds"/> rounds; each round runs <see cref="EdgesPerRound"/> edges of every path in turn,
    /// timed with <see cref="DateTime.UtcNow"/>; a path's figure is its fastest round, per edge. Interleaving the paths
    /// and keeping the fastest round makes the ratio hold on a machine that also runs other work (a busy PC running
    /// nanoCLR): a round slowed by another process is simply not the fastest.</para>
    /// <para>Bytes: the heap is collected (<c>nanoFramework.Runtime.Native.GC.Run(false)</c> returns the free bytes), a
    /// weak reference is taken to a fresh garbage object, and edges run one at a time until that object is
    /// collected, which happens at the first garbage collection, when the free heap is used up. Bytes per edge =
    /// free bytes / edges run. When no collection happens within <see cref="ByteBudget"/> edges the path is
    /// reported as 0 B (it allocated less than free / budget bytes per edge; the line says the bound).</para>
    /// </remarks>
    public static class Program
    {
        /// <summary>Timed rounds: 15.</summary>
        public const int Rounds = 15;

        /// <summary>Edges per path and round: 10,000.</summary>
        public const int EdgesPerRound = 10000;

        /// <summary>Most edges run while waiting for a garbage collection: 400,000.</summary>
        public const int ByteBudget = 400000;

        public static void Main()
        {
            try
            {
                Run();
            }
            catch (Exception e)
            {
                // nanoCLR prints nothing for an unhandled exception: say what stopped the run
                Console.WriteLine("benchmark failed: " + e.GetType().FullName + ": " + e.Message);
            }
        }

        private static void Run()
        {
            EdgeLoop[] loops = new EdgeLoop[]
            {
                new StockLoop(),
                new NanoIrqLoop(NanoIrqLoop.Plain),
                new NanoIrqLoop(NanoIrqLoop.Debounced),
                new NanoIrqLoop(NanoIrqLoop.Gestures),
            };
            long[] ticks = FastestRoundTicks(loops);
            int[] bytes = new int[loops.Length];
            for (int k = 0; k < loops.Length; k++)
            {
                bytes[k] = BytesPerEdge(loops[k]);
                Console.WriteLine(loops[k].Name + ": " + Micros(ticks[k]) + " us per edge, " + Bytes(bytes[k]) + " per edge"
                    + (bytes[k] < 0 ? " (no collection in " + ByteBudget.ToString() + " edges with " + s_free.ToString() + " bytes free)" : "")
                    + ", " + loops[k].Handled.ToString() + " handler calls");
            }

            Console.WriteLine("per-edge: stock " + Micros(ticks[0]) + " us " + Bytes(bytes[0])
                + "; nanoirq " + Micros(ticks[1]) + " us " + Bytes(bytes[1])
                + "; debounced " + Micros(ticks[2]) + " us " + Bytes(bytes[2])
                + "; ratio " + Ratio(ticks[1], ticks[0]));
        }

        // Per path, the fastest of Rounds rounds of EdgesPerRound edges, the paths taking turns within each round.
        private static long[] FastestRoundTicks(EdgeLoop[] loops)
        {
            long[] best = new long[loops.Length];
            int[] edge = new int[loops.Length];
            for (int k = 0; k < loops.Length; k++)
            {
                loops[k].Edge(0); // first call: lazy start-up work is not an edge cost
                edge[k] = 1;
                best[k] = long.MaxValue;
            }

            for (int r = 0; r < Rounds; r++)
            {
                for (int k = 0; k < loops.Length; k++)
                {
                    EdgeLoop loop = loops[k];
                    int e = edge[k];
                    long start = DateTime.UtcNow.Ticks;
                    for (int i = 0; i < EdgesPerRound; i++)
                    {
                        loop.Edge(e++);
                    }

                    long took = DateTime.UtcNow.Ticks - start;
                    edge[k] = e;
                    if (took < best[k])
                    {
                        best[k] = took;
                    }
                }
            }

            return best;
        }

        // -1: no collection within the budget
        private static int BytesPerEdge(EdgeLoop loop)
        {
            uint free = nanoFramework.Runtime.Native.GC.Run(false);
            WeakReference marker = NewMarker();
            for (int i = 1; i <= ByteBudget; i++)
            {
                loop.Edge(i);
                if (!marker.IsAlive)
                {
                    return (int)(free / (uint)i);
                }
            }

            s_free = free;
            return -1;
        }

        private static uint s_free;

        private static WeakReference NewMarker()
        {
            return new WeakReference(new object());
        }

        private static string Micros(long ticksPerRound)
        {
            // ticks are 100 ns: µs per edge with two decimals
            long hundredths = ticksPerRound * 10 / EdgesPerRound;
            long whole = hundredths / 100;
            long frac = hundredths % 100;
            return whole.ToString() + "." + (frac < 10 ? "0" : "") + frac.ToString();
        }

        private static string Bytes(int perEdge)
        {
            if (perEdge >= 0)
            {
                return perEdge.ToString() + " B";
            }

            return "0 B";
        }

        private static string Ratio(long a, long b)
        {
            long hundredths = a * 100 / b;
            return (hundredths / 100).ToString() + "." + (hundredths % 100 < 10 ? "0" : "") + (hundredths % 100).ToString();
        }
    }
}
