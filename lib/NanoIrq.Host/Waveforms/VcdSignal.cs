namespace NanoIrq
{
    /// <summary>One <c>$var</c> declaration of a VCD file.</summary>
    public sealed class VcdSignal
    {
        /// <summary>Creates a declaration.</summary>
        public VcdSignal(string fullName, string reference, string identifier, int width, string type)
        {
            FullName = fullName;
            Reference = reference;
            Identifier = identifier;
            Width = width;
            Type = type;
        }

        /// <summary>Scopes and reference joined by dots, e.g. "top.btn" ("btn" when declared outside any scope).</summary>
        public string FullName { get; }

        /// <summary>The reference name alone, e.g. "btn".</summary>
        public string Reference { get; }

        /// <summary>Identifier code used in value changes (one or more printable characters, e.g. "!").</summary>
        public string Identifier { get; }

        /// <summary>Declared width in bits.</summary>
        public int Width { get; }

        /// <summary>Declared var type: wire, reg, integer, real, event...</summary>
        public string Type { get; }
    }
}
