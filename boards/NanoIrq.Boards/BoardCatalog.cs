using System;

namespace NanoIrq.Boards
{
    /// <summary>
    /// The built-in board profiles, selected by a stable short name: <c>esp32-devkitc</c>,
    /// <c>esp32-devkitc-wrover</c>, <c>esp32-s3-devkitc</c>, <c>esp32-c3-devkitm</c>, <c>esp32-c6-devkitc</c>,
    /// <c>pico</c>, <c>pico-w</c>, <c>pico2</c>, <c>pico2-w</c>.
    /// </summary>
    /// <remarks>
    /// The profiles are built once, on first use, and sealed (read-only), so every caller sees the same facts.
    /// (Called <c>Boards</c> before; renamed so that it no longer shares its name with the namespace.)
    /// </remarks>
    public static class BoardCatalog
    {
        /// <summary>The board the demo and the simulator use when none is named: "esp32-devkitc".</summary>
        public const string DefaultName = "esp32-devkitc";

        private static readonly BoardProfile[] s_all = new BoardProfile[]
        {
            Esp32DevKitC.Create(false).Seal(),
            Esp32DevKitC.Create(true).Seal(),
            Esp32S3DevKitC.Create().Seal(),
            Esp32C3DevKitM.Create().Seal(),
            Esp32C6DevKitC.Create().Seal(),
            RaspberryPiPico.Create(false, false).Seal(),
            RaspberryPiPico.Create(false, true).Seal(),
            RaspberryPiPico.Create(true, false).Seal(),
            RaspberryPiPico.Create(true, true).Seal(),
        };

        /// <summary>Every built-in profile, in the order of <see cref="Names"/> (a new array each call; the profiles are shared and sealed).</summary>
        public static BoardProfile[] All
        {
            get
            {
                BoardProfile[] copy = new BoardProfile[s_all.Length];
                Array.Copy(s_all, copy, s_all.Length);
                return copy;
            }
        }

        /// <summary>The short names of the built-in profiles (a new array each call).</summary>
        public static string[] Names
        {
            get
            {
                string[] names = new string[s_all.Length];
                for (int i = 0; i < s_all.Length; i++)
                {
                    names[i] = s_all[i].Name;
                }

                return names;
            }
        }

        /// <summary>The valid names joined by ", ", for messages and help text.</summary>
        public static string NameList()
        {
            string text = "";
            for (int i = 0; i < s_all.Length; i++)
            {
                text = text + (i == 0 ? "" : ", ") + s_all[i].Name;
            }

            return text;
        }

        /// <summary>True and the profile when <paramref name="name"/> names a built-in board (case and surrounding spaces ignored); false and null otherwise.</summary>
        public static bool TryFind(string name, out BoardProfile profile)
        {
            profile = null;
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            string key = name.Trim().ToLower();
            for (int i = 0; i < s_all.Length; i++)
            {
                if (string.Equals(s_all[i].Name, key))
                {
                    profile = s_all[i];
                    return true;
                }
            }

            return false;
        }

        /// <summary>The built-in profile called <paramref name="name"/> (case and surrounding spaces ignored).</summary>
        /// <exception cref="ArgumentException">No such board; the message lists the valid names.</exception>
        public static BoardProfile Find(string name)
        {
            BoardProfile profile;
            if (!TryFind(name, out profile))
            {
                throw new ArgumentException("unknown board '" + (string.IsNullOrEmpty(name) ? "(none)" : name) + "'; valid names: " + NameList() + ".", "name");
            }

            return profile;
        }

        /// <summary>The demo's default button and LED on the board called <paramref name="name"/>; see <see cref="Find"/> for errors.</summary>
        public static DemoWiring DemoWiringFor(string name)
        {
            return Find(name).Demo;
        }
    }
}
