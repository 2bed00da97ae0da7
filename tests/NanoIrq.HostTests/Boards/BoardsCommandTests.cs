using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq.Cli;
using NanoIrq.Boards;

namespace NanoIrq.HostTests.BoardTests
{
    /// <summary>End to end: the 'nanoirq boards' verb through the CLI entry point.</summary>
    [TestClass]
    public class BoardsCommandTests
    {
        private static int Run(out string stdout, out string stderr, params string[] args)
        {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Program.Run(args, o, e);
            stdout = o.ToString();
            stderr = e.ToString();
            return code;
        }

        [TestMethod]
        public void ListShowsEveryBoardWithChipPinsAndNanoffTarget()
        {
            int code = Run(out string stdout, out string stderr, "boards");
            Assert.AreEqual(0, code, stderr);
            foreach (NanoIrq.Boards.BoardProfile p in BoardCatalog.All)
            {
                string line = null;
                foreach (string l in stdout.Split('\n'))
                {
                    if (l.StartsWith(p.Name + " "))
                    {
                        line = l;
                    }
                }

                Assert.IsNotNull(line, "a row for " + p.Name);
                StringAssert.Contains(line, p.Chip);
                StringAssert.Contains(line, "GPIO " + p.Demo.ButtonPin + " ");
                StringAssert.Contains(line, "GPIO " + p.Demo.LedPin + " ");
                StringAssert.Contains(line, p.NanoffTargets[0]);
            }

            StringAssert.Contains(stdout, "on CYW43439");
        }

        [TestMethod]
        public void OneBoardShowsThePinTableWithReasons()
        {
            int code = Run(out string stdout, out string stderr, "boards", "esp32-devkitc");
            Assert.AreEqual(0, code, stderr);
            StringAssert.Contains(stdout, "ESP32-WROOM-32");
            StringAssert.Contains(stdout, "ESP32_REV3");
            StringAssert.Contains(stdout, "   6  no   no   no       no         no   reserved: connected to the module's SPI flash");
            StringAssert.Contains(stdout, "  34  yes  no   no       no         yes  input-only");
            StringAssert.Contains(stdout, "  36  yes  no   no       no         no   input-only");
            StringAssert.Contains(stdout, "   0  yes  yes  yes      yes        yes  warning: strapping pin");
            StringAssert.Contains(stdout, "  20  -    -    -        -          -    absent: GPIO20 is bonded only on the ESP32-PICO-V3 package");
        }

        [TestMethod]
        public void UnknownBoardListsValidNamesAndExits2()
        {
            int code = Run(out string stdout, out string stderr, "boards", "arduino-uno");
            Assert.AreEqual(2, code);
            Assert.AreEqual("", stdout);
            StringAssert.Contains(stderr, "unknown board 'arduino-uno'");
            foreach (string name in BoardCatalog.Names)
            {
                StringAssert.Contains(stderr, name);
            }
        }

        [TestMethod]
        public void ExtraArgumentsAreAUsageError()
        {
            Assert.AreEqual(2, Run(out _, out string stderr, "boards", "pico", "pico2"));
            StringAssert.Contains(stderr, "usage: nanoirq boards");
            Assert.AreEqual(2, Run(out _, out _, "boards", "--json"));
            Assert.AreEqual(0, Run(out string help, out _, "boards", "--help"));
            StringAssert.Contains(help, "usage: nanoirq boards");
        }
    }
}
