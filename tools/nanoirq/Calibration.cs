namespace NanoIrq.Cli
{
    /// <summary>
    /// Everything <c>nanoirq calibrate</c> found on one capture: the reading of the user's presses, what it measured,
    /// the settings that count exactly (with the recommended one), or why none can.
    /// </summary>
    public sealed class Calibration
    {
        private Calibration()
        {
        }

        /// <summary>The capture file's name as given.</summary>
        public string File { get; private set; }

        /// <summary>The capture.</summary>
        public ButtonCapture Capture { get; private set; }

        /// <summary>Presses given with --presses, 0 when inferred.</summary>
        public int GivenPresses { get; private set; }

        /// <summary>The reading used (clear), or null when there is none (see <see cref="Problem"/>).</summary>
        public PressReading Reading { get; private set; }

        /// <summary>Measurements of <see cref="Reading"/>, or null.</summary>
        public SwitchMeasurement Measurement { get; private set; }

        /// <summary>The setting search on <see cref="Reading"/>, or null.</summary>
        public SettingSearch Search { get; private set; }

        /// <summary>Why no setting counts the presses, or null.</summary>
        public SeparationProblem Problem { get; private set; }

        /// <summary>True when a setting counts exactly (exit code 0).</summary>
        public bool Found => Search != null && Search.Recommended != null;

        /// <summary>Calibrates <paramref name="capture"/> for <paramref name="presses"/> presses (0: infer them).</summary>
        /// <exception cref="CalibrationInputException">The capture has fewer press edges than <paramref name="presses"/>.</exception>
        public static Calibration Run(string file, ButtonCapture capture, int presses)
        {
            var c = new Calibration { File = file, Capture = capture, GivenPresses = presses };
            int most = capture.PressEdges;
            if (presses > most)
            {
                throw new CalibrationInputException("--presses " + presses + ": signal '" + capture.Name + "' goes to the pressed level only " + most +
                    " time" + (most == 1 ? "" : "s") + ", so it cannot hold " + presses + " presses (for this capture --presses must be in [1, " + most + "]; wrong --signal or --active-low?).");
            }

            PressReading reading = presses > 0 ? ReadingSearch.ForPresses(capture, presses) : ReadingSearch.Inferred(capture);
            if (reading == null || reading.Step < ReadingSearch.ClearStep || reading.Presses == 0)
            {
                PressReading clear = presses > 0 ? ReadingSearch.NearestClear(capture, presses) : null;
                c.Problem = new SeparationProblem(capture, presses, reading, clear);
                return c;
            }

            c.Reading = reading;
            c.Measurement = new SwitchMeasurement(reading);
            c.Search = new SettingSearch(c.Measurement);
            return c;
        }
    }
}
