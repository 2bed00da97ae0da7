using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Calibrate
{
    /// <summary><c>calibrate --svg OUT</c>: well-formed SVG with one trace per burst and the recommended windows over them.</summary>
    [TestClass]
    public class CalibrationSvgTests
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        [TestMethod]
        public void OneTracePerBurstWithTheRecommendedWindowOverEach()
        {
            var model = new BounceModel(8) { PressReopenMicros = 30000, PressReopenProbability = 0.5 };
            GeneratedCapture g = GeneratedCapture.Random(model, 8, 10, 150000, 400000, 150000, 500000);
            XDocument doc = Draw(g, "10", out int rc, out string text);
            Assert.AreEqual(0, rc);
            int reopenings = int.Parse(text.Split('\n').First(l => l.Contains("re-openings inside presses:")).Split(':')[1].Split(';')[0].Trim());
            int reclosings = int.Parse(text.Split('\n').First(l => l.Contains("re-closings inside releases:")).Split(':')[1].Split(';')[0].Trim());
            Assert.IsTrue(reopenings > 0, "the capture has re-openings to draw");
            var traces = doc.Descendants(Svg + "polyline").Where(p => (string)p.Attribute("class") == "trace").ToList();
            Assert.AreEqual(2 * 10 + reopenings + reclosings, traces.Count, "a press burst, a release burst per press, a row per re-opening or re-closing");
            Assert.AreEqual(traces.Count, doc.Descendants(Svg + "rect").Count(r => (string)r.Attribute("class") == "window"), "a window over every row");
            string label = text.Split('\n').First(l => l.StartsWith("recommended: ", StringComparison.Ordinal)).Substring(13).Trim();
            Assert.IsTrue(doc.Descendants(Svg + "text").Any(t => t.Value.Contains("recommended " + label)), "the title names the recommended setting");
            Assert.IsTrue(doc.Descendants(Svg + "text").Any(t => t.Value.StartsWith("press bursts (10)", StringComparison.Ordinal)));
        }

        [TestMethod]
        public void WhenNoSettingWorksTheCandidatesAreRedAndNoWindowIsDrawn()
        {
            GeneratedCapture g = CalibrateCommandTests.DoubleClickOnAWornSwitch(out _);
            XDocument doc = Draw(g, "12", out int rc, out string text);
            Assert.AreEqual(1, rc);
            int candidates = text.Split('\n').Count(l => l.Contains(" inside press ") && l.Contains("two presses at"));
            Assert.AreEqual(candidates, doc.Descendants(Svg + "polyline").Count(p => (string)p.Attribute("stroke") == "#d32f2f"), "one red trace per candidate");
            Assert.AreEqual(0, doc.Descendants(Svg + "rect").Count(r => (string)r.Attribute("class") == "window"));
            Assert.IsTrue(doc.Descendants(Svg + "text").Any(t => t.Value.StartsWith("no setting counts 12 presses", StringComparison.Ordinal)));
        }

        private static XDocument Draw(GeneratedCapture g, string presses, out int rc, out string text)
        {
            string file = g.SaveTemp();
            string svg = Path.ChangeExtension(file, ".svg");
            try
            {
                rc = CalibrateCli.Run(out text, out string err, "calibrate", file, "--active-low", "--presses", presses, "--svg", svg);
                StringAssert.Contains(text, "wrote " + svg, err);
                XDocument doc = XDocument.Load(svg);
                Assert.AreEqual(Svg + "svg", doc.Root.Name);
                Assert.IsTrue(int.Parse((string)doc.Root.Attribute("height")) > 100);
                return doc;
            }
            finally
            {
                File.Delete(file);
                File.Delete(svg);
            }
        }
    }
}
