using System;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;

namespace NanoIrq.HostTests.Dispatch
{
    /// <summary>
    /// Only the dispatcher reads its edge ring (single consumer): no public member of IrqDispatcher may hand the ring
    /// out, since SpscRing.Clear / TryRead called from user code would break that rule. Its counters are exposed instead.
    /// </summary>
    [TestClass]
    public class IrqDispatcherSurfaceTests
    {
        [TestMethod]
        public void NoPublicMemberHandsOutARing()
        {
            foreach (MemberInfo m in typeof(IrqDispatcher).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                Type t = m switch
                {
                    PropertyInfo p => p.PropertyType,
                    FieldInfo f => f.FieldType,
                    MethodInfo mi => mi.ReturnType,
                    _ => null,
                };
                if (t != null)
                {
                    Assert.IsFalse(typeof(SpscRing).IsAssignableFrom(t), "IrqDispatcher." + m.Name + " hands out a " + t.Name);
                }
            }
        }

        [TestMethod]
        public void RingCountersAreExposed()
        {
            foreach (string name in new[] { "RingCount", "RingCapacity", "RingDropped", "RingHighWater", "RingWritten", "RingReadCount" })
            {
                PropertyInfo p = typeof(IrqDispatcher).GetProperty(name);
                Assert.IsNotNull(p, name);
                Assert.AreEqual(typeof(int), p.PropertyType, name);
                Assert.IsNull(p.SetMethod, name + " is read-only");
            }
        }
    }
}
