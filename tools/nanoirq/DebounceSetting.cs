using System;
using System.Globalization;

namespace NanoIrq.Cli
{
    /// <summary>
    /// One debounce setting the library offers: a mode (quiet-time with press and release windows, lockout,
    /// sample-after-delay), its windows, and optionally a glitch filter in front. Built exactly as <c>replay --debounce
    /// ... --glitch ...</c> builds it (<see cref="ReplayPipeline.CreateFilter"/>).
    /// </summary>
    public sealed class DebounceSetting
    {
        /// <summary>Creates a setting; for lockout and sample the release window equals the press window.</summary>
        public DebounceSetting(string mode, int pressMicros, int releaseMicros, int glitchMicros)
        {
            if (mode != "quiet" && mode != "lockout" && mode != "sample")
            {
                throw new ArgumentException("mode must be quiet, lockout or sample.", nameof(mode));
            }

            Mode = mode;
            PressMicros = DebounceDefaults.CheckWindow(pressMicros, nameof(pressMicros));
            ReleaseMicros = mode == "quiet" ? DebounceDefaults.CheckWindow(releaseMicros, nameof(releaseMicros)) : pressMicros;
            GlitchMicros = glitchMicros == 0 ? 0 : DebounceDefaults.CheckWindow(glitchMicros, nameof(glitchMicros));
        }

        /// <summary>"quiet", "lockout" or "sample".</summary>
        public string Mode { get; }

        /// <summary>Quiet-time press window, lockout window or sample delay, µs.</summary>
        public int PressMicros { get; }

        /// <summary>Quiet-time release window, µs (the press window for the other modes).</summary>
        public int ReleaseMicros { get; }

        /// <summary>Glitch filter width in front, µs; 0 for none.</summary>
        public int GlitchMicros { get; }

        /// <summary>Longest time the filter may hold a decision back, µs: the settle time after a capture ends.</summary>
        public int HoldBackMicros => Math.Max(PressMicros, ReleaseMicros) + GlitchMicros;

        /// <summary>The <c>--debounce</c> argument of <c>replay</c>: "quiet:8ms/40ms", "quiet:20ms", "lockout:5ms", "sample:20ms".</summary>
        public string DebounceArgument
        {
            get
            {
                string press = Format.Argument(PressMicros);
                return Mode + ":" + (Mode == "quiet" && ReleaseMicros != PressMicros ? press + "/" + Format.Argument(ReleaseMicros) : press);
            }
        }

        /// <summary>The <c>--glitch</c> argument ("100us"), or null without a glitch filter.</summary>
        public string GlitchArgument => GlitchMicros > 0 ? Format.Argument(GlitchMicros) : null;

        /// <summary>Both options as typed after <c>replay FILE</c>.</summary>
        public string ReplayOptions => (GlitchMicros > 0 ? "--glitch " + GlitchArgument + " " : "") + "--debounce " + DebounceArgument;

        /// <summary>Short label for tables: "quiet:8ms/40ms", "glitch:100us+lockout:5ms".</summary>
        public string Label => (GlitchMicros > 0 ? "glitch:" + GlitchArgument + "+" : "") + DebounceArgument;

        /// <summary>The filter, new, for a pin whose level is <paramref name="initialLevel"/> now.</summary>
        public IEdgeFilter Build(bool initialLevel, bool activeLow) =>
            ReplayPipeline.CreateFilter(Mode, initialLevel, activeLow, PressMicros, ReleaseMicros, GlitchMicros);

        /// <summary>
        /// C# lines that build this filter for an <see cref="IrqPin"/> named <c>button</c> (its physical level is the
        /// initial level), as a user pastes them.
        /// </summary>
        public string[] CSharp(bool activeLow)
        {
            string debouncer;
            string comment;
            switch (Mode)
            {
                case "quiet":
                    debouncer = PressMicros == ReleaseMicros
                        ? "new QuietTimeDebouncer(button.Level, " + Us(PressMicros) + ")"
                        : "new QuietTimeDebouncer(button.Level, " + (activeLow ? "true" : "false") + ", " + Us(PressMicros) + ", " + Us(ReleaseMicros) + ")";
                    comment = PressMicros == ReleaseMicros
                        ? "quiet-time " + Format.Ms(PressMicros)
                        : "quiet-time: press " + Format.Ms(PressMicros) + ", release " + Format.Ms(ReleaseMicros);
                    break;
                case "lockout":
                    debouncer = "new LockoutDebouncer(button.Level, " + Us(PressMicros) + ")";
                    comment = "lockout " + Format.Ms(PressMicros);
                    break;
                default:
                    debouncer = "new SampleAfterDelayDebouncer(button.Level, " + Us(PressMicros) + ")";
                    comment = "sample " + Format.Ms(PressMicros) + " after the first edge";
                    break;
            }

            string filter = debouncer;
            if (GlitchMicros > 0)
            {
                filter = "new FilterChain(new GlitchFilter(button.Level, " + Us(GlitchMicros) + "), " + debouncer + ")";
                comment = "glitch " + Format.Argument(GlitchMicros) + ", then " + comment;
            }

            return new[]
            {
                "IrqOptions options = new IrqOptions();",
                "options.Filter = " + filter + ";   // " + comment,
                "Irq irq = button.Irq(OnEdge, IrqTrigger.Both, options);",
            };
        }

        /// <inheritdoc />
        public override string ToString() => Label;

        private static string Us(int micros) => micros.ToString(CultureInfo.InvariantCulture);
    }
}
