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
        /// <exception cref="CalibrationInputException">The capture holds fewer presses than <paramref name="presses"/>: fewer press
        /// edges, or fewer clear presses plus re-openings and re-closings that could be presses.</exception>
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
                int could = 0;
                if (clear != null)
                {
                    foreach (Excursion e in clear.Excursions)
                    {
                        could += SeparationProblem.IsCandidate(e) ? 1 : 0;
                    }
                }

                if (clear != null && clear.Presses + could < presses)
                {
                    // Not a switch problem: even every re-opening and re-closing taken as a press or release falls short.
                    throw new CalibrationInputException("--presses " + presses + ": the capture holds " + clear.Presses + " presses" +
                        (could > 0 ? " and " + could + " re-opening" + (could == 1 ? "" : "s") + " or re-closing" + (could == 1 ? "" : "s") + " that could be more" : "") +
                        ", fewer than " + presses + " (for this capture --presses must be in [1, " + (clear.Presses + could) +
                        "]; did you press " + clear.Presses + " times, or is it the wrong --signal?).");
                }

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
