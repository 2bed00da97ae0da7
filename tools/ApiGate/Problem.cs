namespace ApiGate
{
    /// <summary>One reason the device build would fail or misbehave: file (relative to the solution), line, column, why.</summary>
    public sealed class Problem
    {
        public Problem(string file, int line, int column, string message)
        {
            File = file;
            Line = line;
            Column = column;
            Message = message;
        }

        public string File { get; }
        /// <summary>1-based line, or 0 when the problem concerns the whole file or project.</summary>
        public int Line { get; }
        public int Column { get; }
        public string Message { get; }

        public override string ToString()
        {
            if (Line <= 0)
            {
                return File + ": " + Message;
            }

            return File + "(" + Line + (Column > 0 ? "," + Column : "") + "): " + Message;
        }
    }
}
