using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Http;

/// <summary>
/// Bounded runner for password hashing: a fixed set of dedicated threads and a short queue.
/// </summary>
/// <remarks>
/// PBKDF2 at 600 000 iterations keeps a core busy for a noticeable time. Running it on thread-pool
/// threads would let a login flood occupy every pool thread, and GET /get-jwt would wait for the
/// pool to grow. Dedicated threads keep the pool free, and the bounded queue turns overload into
/// a quick 503 instead of a growing backlog.
/// </remarks>
internal sealed class HashGate : IDisposable
{
    private readonly BlockingCollection<WorkItem> _queue;
    private readonly Thread[] _threads;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _queueTimeout;

    public HashGate(
        int concurrency,
        int queueLength,
        TimeSpan queueTimeout,
        TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueLength, 1);

        _queue = new BlockingCollection<WorkItem>(queueLength);
        _queueTimeout = queueTimeout;
        _timeProvider = timeProvider;
        _threads = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++)
        {
            _threads[i] = new Thread(RunWorkItems)
            {
                IsBackground = true,
                Name = $"TinyJwt password hashing {i + 1}",
            };
            _threads[i].Start();
        }
    }

    /// <summary>Number of work items waiting for a hashing thread.</summary>
    public int QueuedCount => _queue.Count;

    /// <summary>
    /// Runs the work on a hashing thread; returns false without running it when the queue is
    /// full or the work waited longer than the queue timeout.
    /// </summary>
    public async Task<(bool Ran, T Result)> TryRunAsync<T>(Func<T> work)
    {
        var item = new WorkItem<T>(work, _timeProvider.GetTimestamp());
        if (!_queue.TryAdd(item))
        {
            // Callers never read Result when Ran is false.
            return (false, default!);
        }

        return await item.Completion.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    private void RunWorkItems()
    {
        foreach (WorkItem item in _queue.GetConsumingEnumerable())
        {
            TimeSpan waited = _timeProvider.GetElapsedTime(item.EnqueuedTimestamp);
            if (waited > _queueTimeout)
            {
                item.Reject();
            }
            else
            {
                item.Run();
            }
        }
    }

    private abstract class WorkItem(long enqueuedTimestamp)
    {
        public long EnqueuedTimestamp { get; } = enqueuedTimestamp;

        public abstract void Run();

        public abstract void Reject();
    }

    private sealed class WorkItem<T>(Func<T> work, long enqueuedTimestamp)
        : WorkItem(enqueuedTimestamp)
    {
        // Continuations run on the thread pool, never on the hashing thread.
        public TaskCompletionSource<(bool Ran, T Result)> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run()
        {
            try
            {
                Completion.SetResult((true, work()));
            }
            catch (Exception exception)
            {
                Completion.SetException(exception);
            }
        }

        public override void Reject()
        {
            // Callers never read Result when Ran is false.
            Completion.SetResult((false, default!));
        }
    }
}
