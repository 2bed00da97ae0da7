using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ApiGate
{
    /// <summary>
    /// One nanoFramework API listing (tools/api-listings/&lt;Assembly&gt;.txt): the public types of one assembly.
    /// </summary>
    /// <remarks>
    /// Format: '#' comment lines; one line per type, "[modifiers] kind Namespace.Type[&lt;T,...&gt;] [: Base, Interfaces]";
    /// then one line per public member indented by four spaces: "ctor(T name, ...)", "prop T Name { get; set; }",
    /// "field [static] T Name", "event T Name", "[static] [virtual] T Name(T name, ...)", and "Name = value" in enums.
    /// Lines that match none of these (tool noise) are reported by <see cref="Parse"/> as errors.
    /// </remarks>
    public sealed class Listing
    {
        public string AssemblyName { get; }
        public string FilePath { get; }
        public List<ListedType> Types { get; } = new List<ListedType>();

        private Listing(string assemblyName, string filePath)
        {
            AssemblyName = assemblyName;
            FilePath = filePath;
        }

        /// <summary>File name shown in messages, e.g. "mscorlib.txt".</summary>
        public string FileName => Path.GetFileName(FilePath);

        public static Listing Load(string filePath)
        {
            return Parse(Path.GetFileNameWithoutExtension(filePath), filePath, File.ReadAllLines(filePath));
        }

        public static Listing Parse(string assemblyName, string filePath, IEnumerable<string> lines)
        {
            var listing = new Listing(assemblyName, filePath);
            ListedType current = null;
            int lineNumber = 0;
            foreach (string raw in lines)
            {
                lineNumber++;
                string line = raw.TrimEnd();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (line.StartsWith("    ", StringComparison.Ordinal))
                {
                    if (current == null)
                    {
                        throw new FormatException(filePath + "(" + lineNumber + "): member line before any type");
                    }

                    current.Members.Add(ListedMember.Parse(line.Trim(), current, filePath, lineNumber));
                    continue;
                }

                current = ListedType.Parse(line, listing, filePath, lineNumber);
                listing.Types.Add(current);
            }

            return listing;
        }
    }

    public enum TypeKind { Class, Struct, Interface, Enum, Delegate }

    public sealed class ListedType
    {
        public Listing Listing { get; private set; }
        public TypeKind Kind { get; private set; }
        public bool IsStatic { get; private set; }
        public bool IsAbstract { get; private set; }
        public bool IsSealed { get; private set; }
        public string Namespace { get; private set; }
        /// <summary>Name without type parameters, e.g. "Action".</summary>
        public string Name { get; private set; }
        public List<string> TypeParameters { get; } = new List<string>();
        /// <summary>Names after the colon, as written (base class and/or interfaces).</summary>
        public List<string> Supertypes { get; } = new List<string>();
        public List<ListedMember> Members { get; } = new List<ListedMember>();

        public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;

        internal static ListedType Parse(string line, Listing listing, string file, int lineNumber)
        {
            var t = new ListedType { Listing = listing };
            string head = line;
            int colon = line.IndexOf(" : ", StringComparison.Ordinal);
            if (colon >= 0)
            {
                head = line.Substring(0, colon);
                foreach (string s in SplitTopLevel(line.Substring(colon + 3)))
                {
                    t.Supertypes.Add(s.Trim());
                }
            }

            string[] words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
            {
                throw new FormatException(file + "(" + lineNumber + "): not a type line: " + line);
            }

            for (int i = 0; i < words.Length - 2; i++)
            {
                switch (words[i])
                {
                    case "static": t.IsStatic = true; break;
                    case "abstract": t.IsAbstract = true; break;
                    case "sealed": t.IsSealed = true; break;
                    default: throw new FormatException(file + "(" + lineNumber + "): unknown modifier '" + words[i] + "': " + line);
                }
            }

            switch (words[words.Length - 2])
            {
                case "class": t.Kind = TypeKind.Class; break;
                case "struct": t.Kind = TypeKind.Struct; break;
                case "interface": t.Kind = TypeKind.Interface; break;
                case "enum": t.Kind = TypeKind.Enum; break;
                case "delegate": t.Kind = TypeKind.Delegate; break;
                default: throw new FormatException(file + "(" + lineNumber + "): not a type line: " + line);
            }

            string name = words[words.Length - 1];
            int lt = name.IndexOf('<');
            if (lt >= 0)
            {
                foreach (string p in name.Substring(lt + 1, name.Length - lt - 2).Split(','))
                {
                    t.TypeParameters.Add(p.Trim());
                }

                name = name.Substring(0, lt);
            }

            int dot = name.LastIndexOf('.');
            t.Namespace = dot < 0 ? "" : name.Substring(0, dot);
            t.Name = dot < 0 ? name : name.Substring(dot + 1);
            return t;
        }

        internal static List<string> SplitTopLevel(string s)
        {
            var parts = new List<string>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '<') depth++;
                else if (s[i] == '>') depth--;
                else if (s[i] == ',' && depth == 0)
                {
                    parts.Add(s.Substring(start, i - start));
                    start = i + 1;
                }
            }

            if (s.Length > start)
            {
                parts.Add(s.Substring(start));
            }

            return parts;
        }
    }

    public enum MemberKind { Constructor, Property, Field, Event, Method, EnumValue }

    public sealed class ListedParameter
    {
        public bool IsByRef { get; set; }
        public string Type { get; set; }
        public string Name { get; set; }
    }

    public sealed class ListedMember
    {
        public MemberKind Kind { get; private set; }
        public bool IsStatic { get; private set; }
        public bool IsVirtual { get; private set; }
        public string Type { get; private set; }
        public string Name { get; private set; }
        public string Value { get; private set; }
        public bool HasGetter { get; private set; }
        public bool HasSetter { get; private set; }
        public List<ListedParameter> Parameters { get; } = new List<ListedParameter>();
        public string Text { get; private set; }

        /// <summary>Parameter types joined, for signature comparison ("Int32,Object[]").</summary>
        public string ParameterSignature => string.Join(",", Parameters.Select(p => (p.IsByRef ? "ref " : "") + p.Type));

        internal static ListedMember Parse(string text, ListedType owner, string file, int lineNumber)
        {
            var m = new ListedMember { Text = text };
            if (owner.Kind == TypeKind.Enum)
            {
                int eq = text.IndexOf(" = ", StringComparison.Ordinal);
                if (eq < 0)
                {
                    throw new FormatException(file + "(" + lineNumber + "): enum member without value: " + text);
                }

                m.Kind = MemberKind.EnumValue;
                m.Name = text.Substring(0, eq);
                m.Value = text.Substring(eq + 3);
                return m;
            }

            if (text.StartsWith("ctor(", StringComparison.Ordinal))
            {
                m.Kind = MemberKind.Constructor;
                m.Name = ".ctor";
                ParseParameters(text.Substring(5, text.Length - 6), m, file, lineNumber);
                return m;
            }

            if (text.StartsWith("prop ", StringComparison.Ordinal))
            {
                int brace = text.IndexOf(" {", StringComparison.Ordinal);
                if (brace < 0)
                {
                    throw new FormatException(file + "(" + lineNumber + "): property without accessors: " + text);
                }

                string[] typeAndName = SplitTypeAndName(text.Substring(5, brace - 5), file, lineNumber);
                m.Kind = MemberKind.Property;
                m.Type = typeAndName[0];
                m.Name = typeAndName[1];
                string accessors = text.Substring(brace);
                m.HasGetter = accessors.Contains("get;", StringComparison.Ordinal);
                m.HasSetter = accessors.Contains("set;", StringComparison.Ordinal);
                return m;
            }

            if (text.StartsWith("field ", StringComparison.Ordinal))
            {
                string rest = text.Substring(6);
                if (rest.StartsWith("static ", StringComparison.Ordinal))
                {
                    m.IsStatic = true;
                    rest = rest.Substring(7);
                }

                string[] typeAndName = SplitTypeAndName(rest, file, lineNumber);
                m.Kind = MemberKind.Field;
                m.Type = typeAndName[0];
                m.Name = typeAndName[1];
                return m;
            }

            if (text.StartsWith("event ", StringComparison.Ordinal))
            {
                string[] typeAndName = SplitTypeAndName(text.Substring(6), file, lineNumber);
                m.Kind = MemberKind.Event;
                m.Type = typeAndName[0];
                m.Name = typeAndName[1];
                return m;
            }

            int paren = text.IndexOf('(');
            if (paren < 0 || !text.EndsWith(")", StringComparison.Ordinal))
            {
                throw new FormatException(file + "(" + lineNumber + "): unrecognised member line: " + text);
            }

            string signature = text.Substring(0, paren);
            while (true)
            {
                if (signature.StartsWith("static ", StringComparison.Ordinal)) { m.IsStatic = true; signature = signature.Substring(7); }
                else if (signature.StartsWith("virtual ", StringComparison.Ordinal)) { m.IsVirtual = true; signature = signature.Substring(8); }
                else if (signature.StartsWith("abstract ", StringComparison.Ordinal)) { m.IsVirtual = true; signature = signature.Substring(9); }
                else break;
            }

            string[] rn = SplitTypeAndName(signature, file, lineNumber);
            m.Kind = MemberKind.Method;
            m.Type = rn[0];
            m.Name = rn[1];
            ParseParameters(text.Substring(paren + 1, text.Length - paren - 2), m, file, lineNumber);
            return m;
        }

        private static string[] SplitTypeAndName(string s, string file, int lineNumber)
        {
            s = s.Trim();
            int space = s.LastIndexOf(' ');
            if (space <= 0)
            {
                throw new FormatException(file + "(" + lineNumber + "): expected 'Type Name': " + s);
            }

            return new[] { s.Substring(0, space).Trim(), s.Substring(space + 1) };
        }

        private static void ParseParameters(string list, ListedMember m, string file, int lineNumber)
        {
            if (list.Trim().Length == 0)
            {
                return;
            }

            foreach (string part in ListedType.SplitTopLevel(list))
            {
                string p = part.Trim();
                var parameter = new ListedParameter();
                if (p.StartsWith("ref ", StringComparison.Ordinal))
                {
                    parameter.IsByRef = true;
                    p = p.Substring(4);
                }

                string[] tn = SplitTypeAndName(p, file, lineNumber);
                parameter.Type = tn[0];
                parameter.Name = tn[1];
                m.Parameters.Add(parameter);
            }
        }
    }
}
