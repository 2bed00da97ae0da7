using System;
using System.Collections.Generic;

namespace NanoIrq.Cli
{
    /// <summary>
    /// Runs one <see cref="DebounceSetting"/>'s real filters over a capture's edges (<see cref="ReplayPipeline.Drive"/>:
    /// every deadline ticked when due, then ticked past the end by the setting's longest hold-back) and judges the
    /// debounced edges against the presses the user made.
    /// </summary>
    /// <remarks>
    /// The result is <i>exact</i> when the filter emits exactly one press then one release per press, in order, press
    /// <c>i</c> at or after press <c>i</c>'s first edge and before press <c>i + 1</c>'s, release <c>i</c> at or after
    /// release <c>i</c>'s first edge and before release <c>i + 1</c>'s. Latency is the emitted time (the filter's decision
    /// time) minus that first edge.
    /// </remarks>
    public sealed class SettingTrial : IEdgeSink
    {
        private readonly List<long> _times = new List<long>();
        private readonly List<bool> _levels = new List<bool>();

        private SettingTrial()
        {
        }

        /// <summary>Runs <paramref name="setting"/> over <paramref name="capture"/> and judges it against the presses
        /// starting at <paramref name="pressStarts"/> and released at <paramref name="releaseStarts"/> (µs).</summary>
        public static TrialResult Run(DebounceSetting setting, ButtonCapture capture, long[] pressStarts, long[] releaseStarts)
        {
            var trial = new SettingTrial();
            var times = new long[capture.Count];
            var levels = new bool[capture.Count];
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = capture.Time(i);
                levels[i] = capture.Level(i);
            }

            IEdgeFilter filter = setting.Build(capture.InitialLevel, capture.ActiveLow);
            ReplayPipeline.Drive(filter, times, levels, times.Length, capture.EndMicros + setting.HoldBackMicros + 1, trial);
            return trial.Judge(capture.ActiveLow, pressStarts, releaseStarts);
        }

        /// <summary>The press and release start times of <paramref name="reading"/>'s presses on <paramref name="capture"/>
        /// (the reading's capture, or the same edges at other times).</summary>
        public static void Starts(PressReading reading, ButtonCapture capture, out long[] pressStarts, out long[] releaseStarts)
        {
            pressStarts = new long[reading.Presses];
            releaseStarts = new long[reading.Presses];
            for (int k = 0; k < reading.Presses; k++)
            {
                pressStarts[k] = capture.Time(reading.PressFirst(k));
                releaseStarts[k] = capture.Time(reading.ReleaseFirst(k));
            }
        }

        /// <inheritdoc />
        public void Emit(EdgeRecord edge)
        {
            // Lent record: copy the fields. Captures are shorter than 2^32 µs, so the time needs no unwrapping.
            _times.Add(edge.TimeMicros);
            _levels.Add(edge.Level);
        }

        private TrialResult Judge(bool activeLow, long[] p, long[] r)
        {
            var result = new TrialResult();
            int n = p.Length;
            for (int i = 0; i < _times.Count; i++)
            {
                if (_levels[i] != activeLow)
                {
                    result.Presses++;
                }
                else
                {
                    result.Releases++;
                }
            }

            if (_times.Count != 2 * n)
            {
                return result;
            }

            long worst = 0;
            long worstRelease = 0;
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                long press = _times[2 * i];
                long release = _times[2 * i + 1];
                long nextPress = i + 1 < n ? p[i + 1] : long.MaxValue;
                long nextRelease = i + 1 < n ? r[i + 1] : long.MaxValue;
                if (_levels[2 * i] == activeLow || _levels[2 * i + 1] != activeLow || press < p[i] || press >= nextPress || release < r[i] || release >= nextRelease)
                {
                    return result;
                }

                worst = Math.Max(worst, press - p[i]);
                worstRelease = Math.Max(worstRelease, release - r[i]);
                sum += press - p[i];
            }

            result.Exact = true;
            result.WorstPressLatency = worst;
            result.MeanPressLatency = n == 0 ? 0 : sum / n;
            result.WorstReleaseLatency = worstRelease;
            return result;
        }
    }

    /// <summary>What one setting made of one capture.</summary>
    public sealed class TrialResult
    {
        /// <summary>One press and one release per press, each inside its own press or release (see <see cref="SettingTrial"/>).</summary>
        public bool Exact;

        /// <summary>Press edges emitted.</summary>
        public int Presses;

        /// <summary>Release edges emitted.</summary>
        public int Releases;

        /// <summary>Longest press latency when exact, µs.</summary>
        public long WorstPressLatency;

        /// <summary>Mean press latency when exact, µs.</summary>
        public double MeanPressLatency;

        /// <summary>Longest release latency when exact, µs.</summary>
        public long WorstReleaseLatency;
    }
}
