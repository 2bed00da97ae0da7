using System;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoIrq.HostTests.Core
{
    /// <summary>
    /// The host build keeps the producer's fields, the consumer's fields and the read-only fields of a ring on
    /// different 64-byte cache lines (SpscRing's padding), so that neither side's stores evict the line the
    /// other side reads. Measured on a live object: the byte distance between fields' addresses.
    /// </summary>
    [TestClass]
    public class RingLayoutTests
    {
        // Emits: (long)&obj.a - (long)&obj.b, read within one call, with no safepoint in between.
        private static long Distance(object ring, string a, string b)
        {
            FieldInfo fa = typeof(SpscRing).GetField(a, BindingFlags.Instance | BindingFlags.NonPublic);
            FieldInfo fb = typeof(SpscRing).GetField(b, BindingFlags.Instance | BindingFlags.NonPublic);
            Assert.IsNotNull(fa, a);
            Assert.IsNotNull(fb, b);
            DynamicMethod m = new DynamicMethod("Distance", typeof(long), new[] { typeof(SpscRing) }, typeof(SpscRing).Module, true);
            ILGenerator il = m.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldflda, fa);
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldflda, fb);
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Sub);
            il.Emit(OpCodes.Conv_I8);
            il.Emit(OpCodes.Ret);
            return (long)m.Invoke(null, new[] { ring });
        }

        [TestMethod]
        public void ProducerConsumerAndReadOnlyFieldsSitOnSeparateCacheLines()
        {
            foreach (SpscRing ring in new SpscRing[] { new EdgeRing(16, OverflowPolicy.Reject), new ByteRing(16, OverflowPolicy.Reject) })
            {
                string[] readOnly = { "_capacity", "_mask", "_policy", "_origin" };
                string[] producer = { "_tail", "_headSeen", "_highWater", "_overwriting", "_overwrites", "_droppedByProducer" };
                string[] consumer = { "_head", "_headLocal", "_tailSeen", "_overwritesSeen", "_readGuarded", "_cleared" };
                foreach (string p in producer)
                {
                    foreach (string c in consumer)
                    {
                        Assert.IsTrue(Math.Abs(Distance(ring, p, c)) >= 64, p + " and " + c + " are " + Distance(ring, p, c) + " bytes apart");
                    }

                    foreach (string r in readOnly)
                    {
                        Assert.IsTrue(Math.Abs(Distance(ring, p, r)) >= 64, p + " and " + r + " are " + Distance(ring, p, r) + " bytes apart");
                    }
                }

                foreach (string c in consumer)
                {
                    foreach (string r in readOnly)
                    {
                        Assert.IsTrue(Math.Abs(Distance(ring, c, r)) >= 64, c + " and " + r + " are " + Distance(ring, c, r) + " bytes apart");
                    }
                }

                // Declaration order is kept (sequential layout), so the padding really lies between the groups.
                Assert.IsTrue(Distance(ring, "_tail", "_head") <= -64, "the producer's fields come first");
            }
        }
    }
}
