using System;
#if NANOIRQ_HOST
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace NanoIrq
{
    /// <summary>
    /// A fixed-capacity byte queue in the style of a UART receive buffer (MicroPython's <c>RingIO</c>): single
    /// and bulk writes and reads, peek, free and used counts, an explicit <see cref="OverflowPolicy"/> and
    /// counters. One producer and one consumer may run concurrently without locks; allocation-free after
    /// construction.
    /// </summary>
    /// <remarks>
    /// <para>Capacity is fixed at construction, in [1, <see cref="SpscRing.MaxCapacity"/>] bytes (at least 2 with
    /// <see cref="OverflowPolicy.Overwrite"/>). Threading, memory ordering and counters are those of
    /// <see cref="SpscRing"/>: the producer calls the Write methods, the consumer calls Read, Peek and
    /// <see cref="SpscRing.Clear"/>; <c>Written == ReadCount + Dropped + Count</c> whenever neither side is inside a
    /// call.</para>
    /// <para>Bulk calls validate their arguments before touching anything: a null buffer is an
    /// <see cref="ArgumentNullException"/>, an offset outside [0, buffer.Length] or a count outside
    /// [0, buffer.Length - offset] an <see cref="ArgumentOutOfRangeException"/> naming the parameter, and
    /// nothing stored or counted changes. A bulk write publishes the bytes that fit in one step (the reader
    /// sees all of them or none), then applies the overflow policy byte by byte to the rest.</para>
    /// </remarks>
    public sealed class ByteRing : SpscRing
    {
        private readonly byte[] _data;

        /// <summary>Creates an empty ring holding up to <paramref name="capacity"/> bytes.</summary>
        /// <param name="capacity">Bytes, in [1, <see cref="SpscRing.MaxCapacity"/>]; at least 2 with <see cref="OverflowPolicy.Overwrite"/>.</param>
        /// <param name="policy">What a write does when the ring is full.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="policy"/> is out of range.</exception>
        public ByteRing(int capacity, OverflowPolicy policy)
            : base(capacity, policy)
        {
            _data = new byte[StorageSlots];
        }

        /// <summary>
        /// Producer: stores one byte. False only under <see cref="OverflowPolicy.Reject"/> with the ring full
        /// (the byte is counted in <see cref="SpscRing.Dropped"/>); otherwise true, an older byte being given up if full.
        /// </summary>
        public bool TryWrite(byte value)
        {
            int slot = BeginWrite();
            if (slot < 0)
            {
                return false;
            }

#if NANOIRQ_HOST
            // The slot is a masked position, so always inside the array: skip the bounds check.
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), slot) = value;
#else
            _data[slot] = value;
#endif
            EndWrite();
            return true;
        }

        /// <summary>
        /// Producer: stores <paramref name="count"/> bytes from <paramref name="buffer"/> starting at
        /// <paramref name="offset"/>. Returns how many were stored: under Reject the bytes that fit (the rest
        /// are counted in <see cref="SpscRing.Dropped"/>), under DropOldest and Overwrite always <paramref name="count"/>
        /// (older bytes given up and counted).
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="count"/> is outside the buffer.</exception>
        public int Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            int fits = FreeForProducer();
            if (fits > count)
            {
                fits = count;
            }

            if (fits > 0)
            {
                int slot = TailSlot;
                int first = _data.Length - slot;
                if (first > fits)
                {
                    first = fits;
                }

                Array.Copy(buffer, offset, _data, slot, first);
                if (fits > first)
                {
                    Array.Copy(buffer, offset + first, _data, 0, fits - first);
                }

                PublishBulk(fits);
            }

            int rest = count - fits;
            if (rest == 0)
            {
                return count;
            }

            if (Policy == OverflowPolicy.Reject)
            {
                CountRefused(rest);
                return fits;
            }

            for (int i = offset + fits; i < offset + count; i++)
            {
                TryWrite(buffer[i]);
            }

            return count;
        }

        /// <summary>Consumer: takes the oldest byte; false (and 0) when the ring is empty.</summary>
        public bool TryRead(out byte value)
        {
            while (true)
            {
                int slot = BeginRead();
                if (slot < 0)
                {
                    value = 0;
                    return false;
                }

#if NANOIRQ_HOST
                value = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), slot);
#else
                value = _data[slot];
#endif
                if (EndRead())
                {
                    return true;
                }
            }
        }

        /// <summary>Consumer: takes the oldest byte and returns it (0..255), or -1 when the ring is empty.</summary>
        public int ReadByte()
        {
            byte value;
            return TryRead(out value) ? value : -1;
        }

        /// <summary>
        /// Consumer: takes up to <paramref name="count"/> of the oldest bytes into <paramref name="buffer"/> at
        /// <paramref name="offset"/>; returns how many (0 when empty).
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="count"/> is outside the buffer.</exception>
        public int Read(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            while (true)
            {
                int n = CopyOut(buffer, offset, count);
                if (n == 0 || CommitBulk(n))
                {
                    return n;
                }
            }
        }

        /// <summary>Consumer: the oldest byte without taking it; false (and 0) when the ring is empty.</summary>
        public bool TryPeek(out byte value)
        {
            while (true)
            {
                int slot = BeginRead();
                if (slot < 0)
                {
                    value = 0;
                    return false;
                }

                value = _data[slot];
                if (ValidatePeek())
                {
                    return true;
                }
            }
        }

        /// <summary>Consumer: copies up to <paramref name="count"/> of the oldest bytes without taking them; returns how many.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="count"/> is outside the buffer.</exception>
        public int Peek(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            while (true)
            {
                int n = CopyOut(buffer, offset, count);
                if (n == 0 || ValidatePeek())
                {
                    return n;
                }
            }
        }

        private int CopyOut(byte[] buffer, int offset, int count)
        {
            int available = AvailableForConsumer();
            int n = available < count ? available : count;
            if (n == 0)
            {
                return 0;
            }

            BeginBulkRead(n);
            int slot = HeadSlot;
            int first = _data.Length - slot;
            if (first > n)
            {
                first = n;
            }

            Array.Copy(_data, slot, buffer, offset, first);
            if (n > first)
            {
                Array.Copy(_data, 0, buffer, offset + first, n - first);
            }

            return n;
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || offset > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("offset", "must be in [0, " + buffer.Length.ToString() + "] (the buffer's length).");
            }

            if (count < 0 || count > buffer.Length - offset)
            {
                throw new ArgumentOutOfRangeException("count", "must be in [0, " + (buffer.Length - offset).ToString() + "] (buffer.Length - offset).");
            }
        }
    }
}
