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
        public void RingCountersAreExposedReadOnlyThroughStats()
        {
            Assert.AreEqual(typeof(int), typeof(IrqDispatcher).GetProperty("RingCapacity").PropertyType, "RingCapacity");
            foreach (string name in new[] { "RingCount", "RingDropped", "RingHighWater", "RingWritten", "RingReadCount", "Unrouted", "Discarded" })
            {
                PropertyInfo p = typeof(DispatcherStats).GetProperty(name);
                Assert.IsNotNull(p, name);
                Assert.AreEqual(typeof(int), p.PropertyType, name);
                Assert.IsNull(p.SetMethod, name + " is read-only");
            }

            foreach (MemberInfo m in typeof(DispatcherStats).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                Assert.IsFalse(m is PropertyInfo p && typeof(SpscRing).IsAssignableFrom(p.PropertyType), "DispatcherStats." + m.Name + " hands out a ring");
            }
        }

        [TestMethod]
        public void StatsPrintThemselvesOnOneLine()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NanoIrq.Testing.FakeClock(0), 4, 8);
            NanoIrq.Testing.SimulatedEdgeSource source = new NanoIrq.Testing.SimulatedEdgeSource(dispatcher);
            Irq irq = new IrqPin(source, 3).Irq((i, e) => { }, IrqTrigger.Rising);
            for (int k = 0; k < 6; k++)
            {
                source.Pin(3).Drive(k % 2 == 0);
            }

            Assert.AreEqual("seen 6 delivered 0 filtered 0 dropped 2 discarded 0 queued 4", irq.Stats.ToString());
            Assert.AreEqual("ring 4 of 4 (high 4) written 6 read 0 dropped 2 unrouted 0 discarded 0", dispatcher.Stats.ToString());
            dispatcher.Poll();
            Assert.AreEqual("seen 6 delivered 2 filtered 2 dropped 2 discarded 0 queued 0", irq.Stats.ToString());
            Assert.AreSame(irq.Stats, irq.Stats, "one live object, not a copy");
        }
    }
}
