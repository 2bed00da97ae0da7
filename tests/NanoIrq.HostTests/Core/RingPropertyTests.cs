using System;
using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoIrq.HostTests.Core
{
    /// <summary>
    /// Model-based properties (FsCheck): random capacities, policies, starting positions near the position
    /// wrap, and random sequences of operations give the same results and counters on the ring as on a
    /// plain list that implements the documented policy.
    /// </summary>
    [TestClass]
    public class RingPropertyTests
    {
        private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

        /// <summary>The documented semantics, written the obvious way.</summary>
        private sealed class Model
        {
            public readonly List<int> Items = new List<int>();
            public readonly int Capacity;
            public readonly OverflowPolicy Policy;
            public int Written;
            public int Read;
            public int Dropped;
            public int HighWater;

            public Model(int capacity, OverflowPolicy policy)
            {
                Capacity = capacity;
                Policy = policy;
            }

            public bool Write(int value)
            {
                Written++;
                if (Items.Count < Capacity)
                {
                    Items.Add(value);
                    HighWater = Math.Max(HighWater, Items.Count);
                    return true;
                }

                Dropped++;
                switch (Policy)
                {
                    case OverflowPolicy.Reject:
                        return false;
                    case OverflowPolicy.DropOldest:
                        Items.RemoveAt(0);
                        Items.Add(value);
                        return true;
                    default:
                        Items[Items.Count - 1] = value;
                        return true;
                }
            }

            public int WriteBulk(int[] values)
            {
                int free = Capacity - Items.Count;
                if (Policy == OverflowPolicy.Reject)
                {
                    int take = Math.Min(free, values.Length);
                    for (int i = 0; i < take; i++)
                    {
                        Items.Add(values[i]);
                    }

                    Written += values.Length;
                    Dropped += values.Length - take;
                    HighWater = Math.Max(HighWater, Items.Count);
                    return take;
                }

                foreach (int v in values)
                {
                    Write(v);
                }

                return values.Length;
            }

            public bool TryRead(out int value)
            {
                if (Items.Count == 0)
                {
                    value = 0;
                    return false;
                }

                value = Items[0];
                Items.RemoveAt(0);
                Read++;
                return true;
            }

            public void Clear()
            {
                Dropped += Items.Count;
                Items.Clear();
            }
        }

        private static OverflowPolicy PolicyOf(int p)
        {
            return (OverflowPolicy)(((p % 3) + 3) % 3);
        }

        private static int CapacityOf(int c, OverflowPolicy policy)
        {
            int capacity = 1 + ((c % 9) + 9) % 9;
            return policy == OverflowPolicy.Overwrite && capacity < 2 ? 2 : capacity;
        }

        [TestMethod]
        public void EdgeRingBehavesLikeTheModel()
        {
            Prop.ForAll<int, byte, int[]>((shape, start, ops) =>
            {
                OverflowPolicy policy = PolicyOf(shape);
                int capacity = CapacityOf(shape / 3, policy);
                EdgeRing ring = new EdgeRing(capacity, policy);
                ring.StartBelowWrap(start % 20 + 1);
                Model model = new Model(capacity, policy);
                int next = 1;
                foreach (int op in ops ?? new int[0])
                {
                    switch (((op % 5) + 5) % 5)
                    {
                        case 0:
                        case 1:
                            int v = next++;
                            bool accepted = ring.TryWrite(new EdgeRecord(v & 15, (v & 1) != 0, (uint)v * 10, (uint)v, false));
                            if (accepted != model.Write(v))
                            {
                                return false;
                            }

                            break;
                        case 2:
                            EdgeRecord e = new EdgeRecord();
                            int expected;
                            bool got = ring.TryRead(e);
                            if (got != model.TryRead(out expected) || (got && (e.Sequence != (uint)expected || e.TimeMicros != (uint)expected * 10 || e.Pin != (expected & 15))))
                            {
                                return false;
                            }

                            break;
                        case 3:
                            EdgeRecord peeked = new EdgeRecord();
                            bool has = ring.TryPeek(peeked);
                            if (has != (model.Items.Count > 0) || (has && peeked.Sequence != (uint)model.Items[0]))
                            {
                                return false;
                            }

                            break;
                        default:
                            if (op % 7 == 0)
                            {
                                ring.Clear();
                                model.Clear();
                            }

                            break;
                    }

                    if (ring.Count != model.Items.Count || ring.Free != capacity - model.Items.Count || ring.Written != model.Written
                        || ring.ReadCount != model.Read || ring.Dropped != model.Dropped || ring.HighWater != model.HighWater)
                    {
                        return false;
                    }
                }

                return ring.Written == ring.ReadCount + ring.Dropped + ring.Count;
            }).Check(Runs);
        }

        [TestMethod]
        public void ByteRingBehavesLikeTheModel()
        {
            Prop.ForAll<int, byte, int[]>((shape, start, ops) =>
            {
                OverflowPolicy policy = PolicyOf(shape);
                int capacity = CapacityOf(shape / 3, policy);
                ByteRing ring = new ByteRing(capacity, policy);
                ring.StartBelowWrap(start % 20 + 1);
                Model model = new Model(capacity, policy);
                int next = 0;
                byte[] buffer = new byte[32];
                foreach (int op in ops ?? new int[0])
                {
                    int size = ((op >> 4) & 15) % 13;
                    int offset = (op >> 8) & 7;
                    switch (((op % 6) + 6) % 6)
                    {
                        case 0:
                            byte b = (byte)next++;
                            if (ring.TryWrite(b) != model.Write(b))
                            {
                                return false;
                            }

                            break;
                        case 1:
                            int[] values = new int[size];
                            for (int i = 0; i < size; i++)
                            {
                                values[i] = (byte)next++;
                                buffer[offset + i] = (byte)values[i];
                            }

                            if (ring.Write(buffer, offset, size) != model.WriteBulk(values))
                            {
                                return false;
                            }

                            break;
                        case 2:
                            int single = ring.ReadByte();
                            int expected;
                            bool got = model.TryRead(out expected);
                            if (got ? single != expected : single != -1)
                            {
                                return false;
                            }

                            break;
                        case 3:
                            int n = ring.Read(buffer, offset, size);
                            for (int i = 0; i < n; i++)
                            {
                                int m;
                                if (!model.TryRead(out m) || buffer[offset + i] != m)
                                {
                                    return false;
                                }
                            }

                            if (n != Math.Min(size, n + model.Items.Count))
                            {
                                return false;
                            }

                            break;
                        case 4:
                            int k = ring.Peek(buffer, offset, size);
                            if (k != Math.Min(size, model.Items.Count))
                            {
                                return false;
                            }

                            for (int i = 0; i < k; i++)
                            {
                                if (buffer[offset + i] != model.Items[i])
                                {
                                    return false;
                                }
                            }

                            break;
                        default:
                            if (op % 5 == 0)
                            {
                                ring.Clear();
                                model.Clear();
                            }

                            break;
                    }

                    if (ring.Count != model.Items.Count || ring.Written != model.Written || ring.ReadCount != model.Read
                        || ring.Dropped != model.Dropped || ring.HighWater != model.HighWater)
                    {
                        return false;
                    }
                }

                return ring.Written == ring.ReadCount + ring.Dropped + ring.Count;
            }).Check(Runs);
        }
    }
}
