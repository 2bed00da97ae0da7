using System;

namespace NanoIrq
{
    /// <summary>
    /// Several filters in series, itself a filter: glitch then debouncer, or debouncer then gestures.
    /// </summary>
    /// <remarks>
    /// An edge fed to the chain goes to the first stage; what a stage emits is fed at once to the next; what the
    /// last stage emits goes to the caller's sink. <see cref="Tick"/> ticks the stages in order, so an edge a stage
    /// releases on a timeout reaches the later stages before they handle their own timeouts.
    /// <see cref="TryGetDeadline"/> is the earliest deadline of all stages (wrap-safe). Because every NanoIrq filter
    /// stamps its output with its decision time, later stages see time move forward only. Allocates nothing after
    /// construction.
    /// </remarks>
    public sealed class FilterChain : IEdgeFilter
    {
        private readonly IEdgeFilter[] _stages;
        private readonly StageLink[] _links;

        /// <summary>A chain of two stages: <paramref name="first"/> feeds <paramref name="second"/>.</summary>
        /// <exception cref="ArgumentNullException">A stage is null.</exception>
        public FilterChain(IEdgeFilter first, IEdgeFilter second)
            : this(new IEdgeFilter[] { first, second })
        {
        }

        /// <summary>A chain of 1 to 8 stages, in order; the array is copied.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="stages"/> or one of its items is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="stages"/> has fewer than 1 or more than 8 items.</exception>
        public FilterChain(IEdgeFilter[] stages)
        {
            if (stages == null)
            {
                throw new ArgumentNullException("stages");
            }

            if (stages.Length < 1 || stages.Length > 8)
            {
                throw new ArgumentOutOfRangeException("stages", "must hold 1 to 8 filters, had " + stages.Length.ToString() + ".");
            }

            _stages = new IEdgeFilter[stages.Length];
            for (int i = 0; i < stages.Length; i++)
            {
                if (stages[i] == null)
                {
                    throw new ArgumentNullException("stages");
                }

                _stages[i] = stages[i];
            }

            _links = new StageLink[stages.Length];
            for (int i = 0; i < stages.Length - 1; i++)
            {
                _links[i] = new StageLink(_stages[i + 1]);
            }

            for (int i = 0; i < stages.Length - 2; i++)
            {
                _links[i].NextSink = _links[i + 1];
            }
        }

        /// <summary>Number of stages.</summary>
        public int Count
        {
            get { return _stages.Length; }
        }

        /// <inheritdoc />
        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            Connect(output);
            _stages[0].Feed(edge, SinkAfter(0, output));
        }

        /// <inheritdoc />
        public void Tick(uint nowMicros, IEdgeSink output)
        {
            Connect(output);
            for (int i = 0; i < _stages.Length; i++)
            {
                _stages[i].Tick(nowMicros, SinkAfter(i, output));
            }
        }

        /// <inheritdoc />
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            bool any = false;
            deadlineMicros = 0;
            for (int i = 0; i < _stages.Length; i++)
            {
                uint d;
                if (_stages[i].TryGetDeadline(out d) && (!any || Ticks.IsBefore(d, deadlineMicros)))
                {
                    deadlineMicros = d;
                    any = true;
                }
            }

            return any;
        }

        private void Connect(IEdgeSink output)
        {
            if (_stages.Length >= 2)
            {
                _links[_stages.Length - 2].NextSink = output;
            }
        }

        private IEdgeSink SinkAfter(int stage, IEdgeSink output)
        {
            return stage == _stages.Length - 1 ? output : _links[stage];
        }

        private sealed class StageLink : IEdgeSink
        {
            private readonly IEdgeFilter _next;

            public StageLink(IEdgeFilter next)
            {
                _next = next;
            }

            public IEdgeSink NextSink;

            public void Emit(EdgeRecord edge)
            {
                _next.Feed(edge, NextSink);
            }
        }
    }
}
