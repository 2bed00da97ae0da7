using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Boards;

// Namespace is not NFUnitTest.Boards: inside such a namespace "Boards" would name the namespace, not the class.
namespace NFUnitTest.BoardTests
{
    /// <summary>The built-in profiles: every name resolves, defaults are valid for their use, on-board facts hold.</summary>
    [TestClass]
    public class BoardCatalogTests
    {
        [TestMethod]
        [DataRow("esp32-devkitc")]
        [DataRow("esp32-devkitc-wrover")]
        [DataRow("esp32-s3-devkitc")]
        [DataRow("esp32-c3-devkitm")]
        [DataRow("esp32-c6-devkitc")]
        [DataRow("pico")]
        [DataRow("pico-w")]
        [DataRow("pico2")]
        [DataRow("pico2-w")]
        public void EveryIssueNameResolves(string name)
        {
            BoardProfile profile = BoardCatalog.Find(name);
            Assert.AreEqual(name, profile.Name, "Find by name");
            Assert.AreEqual(name, profile.BoardName, "validator name");
            Assert.IsTrue(profile.IsSealed, "built-in sealed");
        }

        [TestMethod]
        public void NamesAndAllAgreeAndEveryNameRoundTrips()
        {
            string[] names = BoardCatalog.Names;
            BoardProfile[] all = BoardCatalog.All;
            Assert.AreEqual(9, names.Length, "nine boards");
            Assert.AreEqual(names.Length, all.Length, "Names/All length");
            for (int i = 0; i < names.Length; i++)
            {
                Assert.AreEqual(names[i], all[i].Name, "Names/All order");
                Assert.AreSame(all[i], BoardCatalog.Find(names[i]), "Find(" + names[i] + ") shared");
                for (int j = i + 1; j < names.Length; j++)
                {
                    Assert.AreNotEqual(names[i], names[j], "names are unique");
                }
            }
        }

        [TestMethod]
        public void FindIgnoresCaseAndSurroundingSpaces()
        {
            Assert.AreEqual("pico2-w", BoardCatalog.Find("  PICO2-W ").Name, "case/spaces ignored");
        }

        [TestMethod]
        public void UnknownNameThrowsAndListsEveryValidName()
        {
            string message = null;
            try
            {
                BoardCatalog.Find("esp8266");
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message, "unknown board throws");
            Assert.Contains("esp8266", message, "message names it");
            string[] names = BoardCatalog.Names;
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Contains(names[i], message, "message lists " + names[i]);
            }

            BoardProfile found;
            Assert.IsFalse(BoardCatalog.TryFind("esp8266", out found), "TryFind false");
            Assert.IsNull(found, "null profile");
            Assert.IsFalse(BoardCatalog.TryFind(null, out found), "null name");
        }

        [TestMethod]
        public void NoDefaultPinIsReservedAbsentOrShared()
        {
            BoardProfile[] all = BoardCatalog.All;
            for (int i = 0; i < all.Length; i++)
            {
                BoardProfile p = all[i];
                DemoWiring demo = p.Demo;
                Assert.IsNotNull(demo, p.Name + " has demo pins");
                Assert.IsTrue(p.Exists(demo.ButtonPin), p.Name + ": button exists");
                Assert.IsTrue(p.Exists(demo.LedPin), p.Name + ": LED exists");
                Assert.IsNull(p.ReservedReason(demo.ButtonPin), p.Name + ": button free");
                Assert.IsNull(p.ReservedReason(demo.LedPin), p.Name + ": LED free");
                Assert.AreNotEqual(demo.ButtonPin, demo.LedPin, p.Name + ": pins differ");
            }
        }

        [TestMethod]
        public void DefaultPinsPassTheValidatorForTheirUse()
        {
            BoardProfile[] all = BoardCatalog.All;
            for (int i = 0; i < all.Length; i++)
            {
                BoardProfile p = all[i];
                DemoWiring demo = BoardCatalog.DemoWiringFor(p.Name);
                Assert.AreSame(p.Demo, demo, "DemoWiringFor");
                Assert.AreEqual((int)PinPull.Up, (int)demo.ButtonPull, "pull-up");
                Assert.IsTrue(demo.ButtonActiveLow, "active low");
                // Throws PinNotUsableException (failing the test) if the defaults are not valid.
                p.ValidateInput(demo.ButtonPin, demo.ButtonPull, true);
                p.ValidateOutput(demo.LedPin);
                Assert.IsTrue(p.CanInterrupt(demo.ButtonPin), p.Name + ": button interrupts");
                Assert.IsTrue(p.HasPullUp(demo.ButtonPin), p.Name + ": button pull-up");
                Assert.IsFalse(p.IsInputOnly(demo.LedPin), p.Name + ": LED drives");
            }
        }

        [TestMethod]
        public void OnBoardLedFactsAreConsistent()
        {
            BoardProfile[] all = BoardCatalog.All;
            for (int i = 0; i < all.Length; i++)
            {
                BoardProfile p = all[i];
                if (p.Led == LedKind.Gpio)
                {
                    p.ValidateOutput(p.LedPin);
                    Assert.IsTrue(p.Demo.LedOnBoard, p.Name + ": on-board demo LED");
                    Assert.AreEqual(p.LedPin, p.Demo.LedPin, p.Name + ": demo LED pin");
                }
                else
                {
                    Assert.IsFalse(p.Demo.LedOnBoard, p.Name + ": external demo LED");
                    Assert.AreNotEqual(p.LedPin, p.Demo.LedPin, p.Name + ": not the board LED pin");
                }

                if (p.Led == LedKind.None || p.Led == LedKind.WirelessChip)
                {
                    Assert.AreEqual(BoardProfile.NoPin, p.LedPin, p.Name + ": no LED GPIO");
                }
                else
                {
                    Assert.IsTrue(p.Exists(p.LedPin), p.Name + ": LED pin exists");
                }
            }
        }

        [TestMethod]
        [DataRow("esp32-devkitc", 0, -1)]
        [DataRow("esp32-devkitc-wrover", 0, -1)]
        [DataRow("esp32-s3-devkitc", 2, 38)]
        [DataRow("esp32-c3-devkitm", 2, 8)]
        [DataRow("esp32-c6-devkitc", 2, 8)]
        [DataRow("pico", 1, 25)]
        [DataRow("pico2", 1, 25)]
        [DataRow("pico-w", 3, -1)]
        [DataRow("pico2-w", 3, -1)]
        public void OnBoardLedMatchesTheBoardDocumentation(string name, int kind, int pin)
        {
            BoardProfile p = BoardCatalog.Find(name);
            Assert.AreEqual(kind, (int)p.Led, name + ": LED kind");
            Assert.AreEqual(pin, p.LedPin, name + ": LED pin");
        }

        [TestMethod]
        [DataRow("pico-w")]
        [DataRow("pico2-w")]
        public void WirelessPicoRefusesGpio25AndDrivesAnExternalLed(string name)
        {
            BoardProfile p = BoardCatalog.Find(name);
            Assert.ThrowsException(typeof(PinNotUsableException), () => p.ValidateOutput(25), "GPIO25 is WL_CS");
            Assert.AreEqual(15, p.Demo.LedPin, "demo LED GPIO15");
            Assert.IsFalse(p.Demo.LedOnBoard, "external LED");
        }

        [TestMethod]
        [DataRow("esp32-devkitc", 0)]
        [DataRow("esp32-devkitc-wrover", 0)]
        [DataRow("esp32-s3-devkitc", 0)]
        [DataRow("esp32-c3-devkitm", 9)]
        [DataRow("esp32-c6-devkitc", 9)]
        [DataRow("pico", -1)]
        [DataRow("pico-w", -1)]
        [DataRow("pico2", -1)]
        [DataRow("pico2-w", -1)]
        public void OnBoardButtonIsBootOnEsp32AndNoneOnPico(string name, int pin)
        {
            BoardProfile p = BoardCatalog.Find(name);
            Assert.AreEqual(pin, p.ButtonPin, name + ": button GPIO");
            if (pin >= 0)
            {
                Assert.IsTrue(p.ButtonActiveLow, "active low");
                Assert.AreEqual(pin, p.Demo.ButtonPin, "demo button");
                Assert.IsTrue(p.Demo.ButtonOnBoard, "nothing to wire");
                Assert.Contains("strapping", p.WarningFor(pin), "strapping warned");
            }
            else
            {
                Assert.Contains("BOOTSEL", p.ButtonDescription, "says why");
                Assert.IsFalse(p.Demo.ButtonOnBoard, "external button");
            }
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "ESP32_REV3")]
        [DataRow("esp32-devkitc", "ESP32_REV0")]
        [DataRow("esp32-devkitc-wrover", "ESP32_PSRAM_REV3")]
        [DataRow("esp32-s3-devkitc", "ESP32_S3_OCTAL")]
        [DataRow("esp32-s3-devkitc", "ESP32_S3_QUAD")]
        [DataRow("esp32-c3-devkitm", "ESP32_C3")]
        [DataRow("esp32-c6-devkitc", "ESP32_C6_THREAD")]
        [DataRow("pico", "PICO_RP2040")]
        [DataRow("pico-w", "PICO_RP2040_W")]
        [DataRow("pico2", "PICO2_RP2350")]
        [DataRow("pico2-w", "PICO2_RP2350_W")]
        public void NanoffTargetIsListed(string name, string target)
        {
            string[] targets = BoardCatalog.Find(name).NanoffTargets;
            bool found = false;
            for (int i = 0; i < targets.Length; i++)
            {
                found = found || (!string.IsNullOrEmpty(targets[i]) && targets[i] == target);
            }

            Assert.IsTrue(found, name + " lists " + target);
        }

        [TestMethod]
        public void BuiltInProfilesCannotBeChanged()
        {
            BoardProfile pico = BoardCatalog.Find("pico");
            Assert.ThrowsException(typeof(InvalidOperationException), () => pico.Reserve(14, 14, "mine"), "sealed profile");
            Assert.IsTrue(pico.IsUsable(14), "GPIO14 still usable");
            string[] targets = pico.NanoffTargets;
            targets[0] = "changed";
            Assert.AreEqual("PICO_RP2040", pico.NanoffTargets[0], "returns a copy");
        }
    }
}
