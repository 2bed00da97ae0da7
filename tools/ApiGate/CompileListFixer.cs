using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ApiGate
{
    /// <summary>
    /// --fix-compile-lists: rewrites only the Compile items of a .nfproj so that they are exactly the .cs files
    /// under its folder (bin/ and obj/ excluded) plus the existing links to files outside it that still exist.
    /// </summary>
    public static class CompileListFixer
    {
        /// <summary>Returns true when the file changed.</summary>
        public static bool Fix(string nfprojPath)
        {
            NfProject project = NfProject.Load(nfprojPath);
            string before = File.ReadAllText(nfprojPath);
            XDocument doc = XDocument.Parse(before);
            XNamespace ns = doc.Root.Name.Namespace;

            List<XElement> compiles = doc.Descendants(ns + "Compile").ToList();
            var links = new List<XElement>();
            foreach (XElement c in compiles)
            {
                string include = (string)c.Attribute("Include") ?? "";
                string full = project.Resolve(include);
                bool inside = full.StartsWith(project.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (!inside && File.Exists(full))
                {
                    links.Add(new XElement(c));
                }
            }

            XElement group = compiles.Select(c => c.Parent).FirstOrDefault();
            if (group == null)
            {
                group = new XElement(ns + "ItemGroup");
                XElement targets = doc.Root.Elements(ns + "Import")
                    .FirstOrDefault(i => ((string)i.Attribute("Project") ?? "").Contains("NFProjectSystem.CSharp.targets", StringComparison.Ordinal));
                if (targets != null) targets.AddBeforeSelf(group); else doc.Root.Add(group);
            }

            foreach (XElement c in compiles)
            {
                c.Remove();
            }

            foreach (string file in project.SourcesOnDisk())
            {
                group.Add(new XElement(ns + "Compile", new XAttribute("Include", Path.GetRelativePath(project.Directory, file).Replace('/', '\\'))));
            }

            foreach (XElement link in links)
            {
                group.Add(link);
            }

            foreach (XElement emptyGroup in doc.Root.Elements(ns + "ItemGroup").Where(g => !g.HasElements && g != group).ToList())
            {
                emptyGroup.Remove();
            }

            string after = Serialize(doc);
            if (after == before)
            {
                return false;
            }

            File.WriteAllText(nfprojPath, after, new UTF8Encoding(true));
            return true;
        }

        public static string Serialize(XDocument doc)
        {
            // Re-parse without whitespace so that indentation is uniform (two spaces, as the templates write).
            XDocument clean = XDocument.Parse(doc.ToString(SaveOptions.DisableFormatting), LoadOptions.None);
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", OmitXmlDeclaration = true, NewLineChars = "\r\n" };
            var sb = new StringBuilder();
            using (XmlWriter writer = XmlWriter.Create(sb, settings))
            {
                clean.Root.WriteTo(writer);
            }

            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" + sb + "\r\n";
        }
    }
}
