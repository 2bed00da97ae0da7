using System.Reflection;
using System.Runtime.InteropServices;

// General information about the assembly (shown by the device's deployment tools).
[assembly: AssemblyTitle("LatencyStock")]
[assembly: AssemblyDescription("Latency sample: stock GpioPin.ValueChanged toggles GP15 on each GP14 edge")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("NanoIrq contributors")]
[assembly: AssemblyProduct("NanoIrq")]
[assembly: AssemblyCopyright("Copyright (c) NanoIrq contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]

// Not visible to COM.
[assembly: ComVisible(false)]

// Version: major.minor.build.revision.
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
