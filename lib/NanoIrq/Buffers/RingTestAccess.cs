using System.Runtime.CompilerServices;

// The ring wrap-around tests (tests/NFUnitTest/Buffers, tests/NanoIrq.HostTests/Core) start a ring's
// positions just below their modulus through the internal StartBelowWrap methods, instead of writing 2^30 items.
[assembly: InternalsVisibleTo("NFUnitTest")]
[assembly: InternalsVisibleTo("NanoIrq.HostTests")]
