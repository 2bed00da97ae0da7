using System.Reflection;
using System.Runtime.InteropServices;

// General information about the assembly (shown by the device's deployment tools).
[assembly: AssemblyTitle("NanoIrq.Native")]
[assembly: AssemblyDescription("NanoIrq native capture module: managed side of the interop assembly")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("NanoIrq contributors")]
[assembly: AssemblyProduct("NanoIrq")]
[assembly: AssemblyCopyright("Copyright (c) NanoIrq contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]

// Not visible to COM.
[assembly: ComVisible(false)]

// Version: major.minor.build.revision.
[assembly: AssemblyNativeVersion("1.0.0.0")]

[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
