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
            Assert.AreEqual(name, profile.Name, "Find returns the profile of that name");
            Assert.AreEqual(name, profile.BoardName, "the validator reports the same name in errors");
            Assert.IsTrue(profile.IsSealed, "built-in profiles are read-only");
        }

        [TestMethod]
        public void NamesAndAllAgreeAndEveryNameRoundTrips()
        {
            string[] names = BoardCatalog.Names;
            BoardProfile[] all = BoardCatalog.All;
            Assert.AreEqual(9, names.Length, "nine built-in boards");
            Assert.AreEqual(names.Length, all.Length, "Names and All have the same length");
            for (int i = 0; i < names.Length; i++)
            {
                Assert.AreEqual(names[i], all[i].Name, "same order in Names and All");
                Assert.AreSame(all[i], BoardCatalog.Find(names[i]), "Find(" + names[i] + ") is the shared profile");
                for (int j = i + 1; j < names.Length; j++)
                {
                    Assert.AreNotEqual(names[i], names[j], "names are unique");
                }
            }
        }

        [TestMethod]
        public void FindIgnoresCaseAndSurroundingSpaces()
        {
            Assert.AreEqual("pico2-w", BoardCatalog.Find("  PICO2-W ").Name, "case and spaces ignored");
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

            Assert.IsNotNull(message, "an unknown board throws ArgumentException");
            Assert.Contains("esp8266", message, "the message repeats the unknown name");
            string[] names = BoardCatalog.Names;
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Contains(names[i], message, "the message lists " + names[i]);
            }

            BoardProfile found;
            Assert.IsFalse(BoardCatalog.TryFind("esp8266", out found), "TryFind says no");
            Assert.IsNull(found, "and gives null");
            Assert.IsFalse(BoardCatalog.TryFind(null, out found), "null is no name");
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
                Assert.IsTrue(p.Exists(demo.ButtonPin), p.Name + ": default button pin exists");
                Assert.IsTrue(p.Exists(demo.LedPin), p.Name + ": default LED pin exists");
                Assert.IsNull(p.ReservedReason(demo.ButtonPin), p.Name + ": default button pin is not reserved");
                Assert.IsNull(p.ReservedReason(demo.LedPin), p.Name + ": default LED pin is not reserved");
                Assert.AreNotEqual(demo.ButtonPin, demo.LedPin, p.Name + ": button and LED differ");
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
                Assert.AreSame(p.Demo, demo, "DemoWiringFor is the profile's demo wiring");
                Assert.AreEqual((int)PinPull.Up, (int)demo.ButtonPull, "button to GND with pull-up");
                Assert.IsTrue(demo.ButtonActiveLow, "pressed reads low");
                // Throws PinNotUsableException (failing the test) if the defaults are not valid.
                p.ValidateInput(demo.ButtonPin, demo.ButtonPull, true);
                p.ValidateOutput(demo.LedPin);
                Assert.IsTrue(p.CanInterrupt(demo.ButtonPin), p.Name + ": button pin can interrupt");
                Assert.IsTrue(p.HasPullUp(demo.ButtonPin), p.Name + ": button pin has a pull-up");
                Assert.IsFalse(p.IsInputOnly(demo.LedPin), p.Name + ": LED pin can drive");
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
                    Assert.IsTrue(p.Demo.LedOnBoard, p.Name + ": a plain on-board LED is the demo LED");
                    Assert.AreEqual(p.LedPin, p.Demo.LedPin, p.Name + ": demo LED is the on-board LED");
                }
                else
                {
                    Assert.IsFalse(p.Demo.LedOnBoard, p.Name + ": without a plain LED the demo uses an external one");
                    Assert.AreNotEqual(p.LedPin, p.Demo.LedPin, p.Name + ": the demo LED is not the addressable/absent LED pin");
                }

                if (p.Led == LedKind.None || p.Led == LedKind.WirelessChip)
                {
                    Assert.AreEqual(BoardProfile.NoPin, p.LedPin, p.Name + ": no GPIO for this LED");
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
            Assert.ThrowsException(typeof(PinNotUsableException), () => p.ValidateOutput(25), "GPIO25 is WL_CS of the CYW43439");
            Assert.AreEqual(15, p.Demo.LedPin, "the demo LED is external on GPIO15");
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
            Assert.AreEqual(pin, p.ButtonPin, name + ": on-board button GPIO");
            if (pin >= 0)
            {
                Assert.IsTrue(p.ButtonActiveLow, "BOOT reads low when pressed");
                Assert.AreEqual(pin, p.Demo.ButtonPin, "the demo uses the on-board button");
                Assert.IsTrue(p.Demo.ButtonOnBoard, "nothing to wire");
                Assert.Contains("strapping", p.WarningFor(pin), "BOOT is a strapping pin: the user is warned");
            }
            else
            {
                Assert.Contains("BOOTSEL", p.ButtonDescription, "says why there is no button");
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

            Assert.IsTrue(found, name + " lists nanoff target " + target);
        }

        [TestMethod]
        public void BuiltInProfilesCannotBeChanged()
        {
            BoardProfile pico = BoardCatalog.Find("pico");
            Assert.ThrowsException(typeof(InvalidOperationException), () => pico.Reserve(14, 14, "mine"), "sealed profile");
            Assert.IsTrue(pico.IsUsable(14), "GPIO14 is still usable after the refused change");
            string[] targets = pico.NanoffTargets;
            targets[0] = "changed";
            Assert.AreEqual("PICO_RP2040", pico.NanoffTargets[0], "NanoffTargets returns a copy");
        }
    }
}
