using System;
using System.IO;
using System.Linq;

namespace ApiGate
{
    /// <summary>
    /// dotnet run -c Release --project tools/ApiGate -- [nfproj.sln] [--listings DIR] [--fix-compile-lists]
    /// Exit 0 and "API gate: N projects, M files, 0 problems" when every device project is clean; exit 1 and one
    /// line per problem otherwise; exit 2 on bad usage or an unreadable listing.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string solution = null;
            string listings = null;
            bool fix = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--fix-compile-lists": fix = true; break;
                    case "--listings" when i + 1 < args.Length: listings = args[++i]; break;
                    case "-h":
                    case "--help":
                        Console.WriteLine("usage: ApiGate [nfproj.sln] [--listings DIR] [--fix-compile-lists]");
                        return 0;
                    default:
                        if (args[i].StartsWith("-", StringComparison.Ordinal) || solution != null)
                        {
                            Console.Error.WriteLine("ApiGate: unknown argument '" + args[i] + "'");
                            return 2;
                        }

                        solution = args[i];
                        break;
                }
            }

            solution ??= "nfproj.sln";
            if (!File.Exists(solution))
            {
                Console.Error.WriteLine("ApiGate: " + solution + " not found");
                return 2;
            }

            listings ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(solution)), "tools", "api-listings");
            if (fix)
            {
                foreach ((string _, string path) in SolutionFile.Projects(solution).Where(p => p.Path.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase) && File.Exists(p.Path)))
                {
                    if (CompileListFixer.Fix(path))
                    {
                        Console.WriteLine("updated Compile items: " + Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
                    }
                }
            }

            GateResult result;
            try
            {
                result = Gate.Run(solution, listings);
            }
            catch (Exception e) when (e is InvalidOperationException || e is FormatException || e is IOException)
            {
                Console.Error.WriteLine("ApiGate: " + e.Message);
                return 2;
            }

            foreach (Problem p in result.Problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column))
            {
                Console.WriteLine(p);
            }

            Console.WriteLine(result.HeapLine);
            Console.WriteLine(result.Summary);
            return result.Problems.Count == 0 ? 0 : 1;
        }
    }
}
