using System;
using System.IO;

namespace NanoIrq.Cli
{
    /// <summary>
    /// <c>nanoirq calibrate FILE [--signal NAME] [--active-low] [--presses N] [--json] [--svg OUT]</c>: reads a capture of
    /// the user's button, measures its bounce and re-openings, and reports the debounce settings that count every press
    /// exactly, ranked by press latency, with the recommended one as C# and as replay's <c>--debounce</c> argument.
    /// </summary>
    public static class CalibrateCommand
    {
        /// <summary>Runs the verb: 0 when a setting counts exactly, 1 when none can (the report says which presses), 2 on bad input.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            CalibrateOptions o;
            try
            {
                o = CalibrateOptions.Parse(args);
            }
            catch (CalibrationInputException e)
            {
                stderr.WriteLine("nanoirq calibrate: " + e.Message);
                stderr.WriteLine(CalibrateOptions.Usage);
                return 2;
            }

            if (o.Help)
            {
                stdout.WriteLine(CalibrateOptions.Usage);
                return 0;
            }

            Calibration c;
            try
            {
                Waveform wave = Read(o.File, o.Signal);
                ButtonCapture capture = ButtonCapture.From(wave, o.ActiveLow);
                c = Calibration.Run(o.File, capture, o.Presses);
            }
            catch (CalibrationInputException e)
            {
                stderr.WriteLine("nanoirq calibrate: " + o.File + ": " + e.Message);
                return 2;
            }
            catch (WaveformFormatException e)
            {
                stderr.WriteLine("nanoirq calibrate: " + o.File + ": " + e.Message);
                return 2;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                stderr.WriteLine("nanoirq calibrate: cannot read " + o.File + ": " + e.Message);
                return 2;
            }

            if (o.SvgOut != null)
            {
                try
                {
                    File.WriteAllText(o.SvgOut, CalibrationSvg.Draw(c));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stderr.WriteLine("nanoirq calibrate: --svg: cannot write " + o.SvgOut + ": " + e.Message);
                    return 2;
                }
            }

            if (o.Json)
            {
                CalibrationReport.WriteJson(stdout, c, o.SvgOut);
            }
            else
            {
                CalibrationReport.WriteText(stdout, c, o.SvgOut);
            }

            return c.Found ? 0 : 1;
        }

        private static Waveform Read(string file, string signal)
        {
            if (!File.Exists(file))
            {
                throw new CalibrationInputException("no such file.");
            }

            return file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? CsvWaveformReader.ReadFile(file, signal) : VcdReader.ReadFile(file, signal);
        }
    }
}
