using System;

namespace NanoIrq
{
    /// <summary>A waveform file (VCD or CSV) cannot be used; the message names the line and what was wrong.</summary>
    public sealed class WaveformFormatException : FormatException
    {
        /// <summary>Creates the exception; the message reads "line 12: ...", or has no line prefix when <paramref name="lineNumber"/> is 0.</summary>
        public WaveformFormatException(int lineNumber, string message)
            : base(lineNumber > 0 ? "line " + lineNumber + ": " + message : message)
        {
            LineNumber = lineNumber;
        }

        /// <summary>1-based line of the problem, or 0 when it concerns the whole file (e.g. an unknown signal name).</summary>
        public int LineNumber { get; }
    }
}
