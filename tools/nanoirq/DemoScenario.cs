using System;

namespace NanoIrq.Cli
{
    /// <summary>What a simulated person does with the button in one press.</summary>
    public enum DemoPressKind
    {
        /// <summary>A short press: counts 1 and toggles the LED.</summary>
        Click = 0,

        /// <summary>The first press of a double click (the second follows within the double-click window).</summary>
        DoubleFirst = 1,

        /// <summary>The second press of a double click: the count is blinked out afterwards.</summary>
        DoubleSecond = 2,

        /// <summary>A press held past the long-press threshold: counts 1, then resets the count to 0.</summary>
        Long = 3,
    }

    /// <summary>
    /// A plan of physical presses (when each starts, how long it is held) and what ButtonCounter must make
    /// of it, derived from the plan itself: presses counted, final count, resets, blink-outs.
    /// </summary>
    /// <remarks>
    /// Timings keep well away from the gesture thresholds so that the expected result does not depend on
    /// where within a window a bounce lands: clicks are held 70..180 ms and followed by at least 900 ms of
    /// release; the two presses of a double click are 90..140 ms apart and the blink-out that follows is left to
    /// finish before the next press; a long press is held 1,500..2,200 ms.
    /// All times in ms from the start of the run.
    /// </remarks>
    public sealed class DemoScenario
    {
        /// <summary>Start time of each press, ms.</summary>
        public readonly int[] StartMillis;

        /// <summary>Hold time of each press, ms.</summary>
        public readonly int[] HoldMillis;

        /// <summary>Kind of each press.</summary>
        public readonly DemoPressKind[] Kinds;

        /// <summary>Time the run should continue to after the last release, ms (lets long timeouts and a blink-out finish).</summary>
        public readonly int EndMillis;

        private DemoScenario(int[] start, int[] hold, DemoPressKind[] kinds, int endMillis)
        {
            StartMillis = start;
            HoldMillis = hold;
            Kinds = kinds;
            EndMillis = endMillis;
        }

        /// <summary>Number of physical presses.</summary>
        public int Presses
        {
            get { return Kinds.Length; }
        }

        /// <summary>The 10-press tour: 4 clicks, a double click, a click, a long press (reset), 2 clicks.</summary>
        public static DemoScenario Tour(int seed)
        {
            DemoPressKind[] kinds =
            {
                DemoPressKind.Click, DemoPressKind.Click, DemoPressKind.Click, DemoPressKind.Click,
                DemoPressKind.DoubleFirst, DemoPressKind.DoubleSecond, DemoPressKind.Click,
                DemoPressKind.Long, DemoPressKind.Click, DemoPressKind.Click,
            };
            return Timed(kinds, new Random(seed));
        }

        /// <summary><paramref name="presses"/> presses: about 12% long, about 20% in double clicks, the rest clicks, drawn from <paramref name="seed"/>.</summary>
        public static DemoScenario Random(int presses, int seed)
        {
            if (presses < 1)
            {
                throw new ArgumentOutOfRangeException("presses", "must be >= 1.");
            }

            Random rng = new Random(seed);
            DemoPressKind[] kinds = new DemoPressKind[presses];
            int i = 0;
            while (i < presses)
            {
                int roll = rng.Next(100);
                if (roll < 12)
                {
                    kinds[i++] = DemoPressKind.Long;
                }
                else if (roll < 32 && i + 1 < presses)
                {
                    kinds[i++] = DemoPressKind.DoubleFirst;
                    kinds[i++] = DemoPressKind.DoubleSecond;
                }
                else
                {
                    kinds[i++] = DemoPressKind.Click;
                }
            }

            return Timed(kinds, rng);
        }

        /// <summary>Presses ButtonCounter must count: one per physical press.</summary>
        public int ExpectedPressesCounted
        {
            get { return Kinds.Length; }
        }

        /// <summary>The count shown at the end: presses since the last long press.</summary>
        public int ExpectedFinalCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < Kinds.Length; i++)
                {
                    count = Kinds[i] == DemoPressKind.Long ? 0 : count + 1;
                }

                return count;
            }
        }

        /// <summary>Long presses in the plan.</summary>
        public int ExpectedResets
        {
            get { return CountOf(DemoPressKind.Long); }
        }

        /// <summary>Double clicks in the plan.</summary>
        public int ExpectedBlinkOuts
        {
            get { return CountOf(DemoPressKind.DoubleSecond); }
        }

        /// <summary>LED state at the end: lit when an odd number of presses followed the last long press.</summary>
        public bool ExpectedLedOn
        {
            get { return ExpectedFinalCount % 2 == 1; }
        }

        private int CountOf(DemoPressKind kind)
        {
            int n = 0;
            for (int i = 0; i < Kinds.Length; i++)
            {
                if (Kinds[i] == kind)
                {
                    n++;
                }
            }

            return n;
        }

        private static DemoScenario Timed(DemoPressKind[] kinds, Random rng)
        {
            int[] start = new int[kinds.Length];
            int[] hold = new int[kinds.Length];
            int t = 500;
            int count = 0;
            for (int i = 0; i < kinds.Length; i++)
            {
                start[i] = t;
                count = kinds[i] == DemoPressKind.Long ? 0 : count + 1;
                switch (kinds[i])
                {
                    case DemoPressKind.Long:
                        hold[i] = 1500 + rng.Next(701);
                        t += hold[i] + 900 + rng.Next(400);
                        break;
                    case DemoPressKind.DoubleFirst:
                        hold[i] = 60 + rng.Next(31);
                        t += hold[i] + 90 + rng.Next(51);
                        break;
                    case DemoPressKind.DoubleSecond:
                        // After a double click the count is blinked out: leave it time to finish (400 ms gap,
                        // then BlinkOut's default 600 ms pause, count x 500 ms - 300 ms, 600 ms pause) plus 500..900 ms.
                        hold[i] = 60 + rng.Next(31);
                        t += hold[i] + 400 + 600 + count * 500 - 300 + 600 + 500 + rng.Next(400);
                        break;
                    default:
                        hold[i] = 70 + rng.Next(111);
                        t += hold[i] + 900 + rng.Next(400);
                        break;
                }
            }

            return new DemoScenario(start, hold, kinds, t + 1000);
        }
    }
}
