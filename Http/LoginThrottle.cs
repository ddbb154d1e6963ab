using System;
using System.Collections.Generic;

namespace TinyJwt.Http;

/// <summary>
/// Counter of failed logins per user name: after the maximum within the window, further
/// attempts for that name are rejected until the window ends.
/// </summary>
/// <remarks>
/// The window is fixed: it starts at the first failure and lasts its full length. Memory is
/// bounded by evicting the name whose window started first, so a flood of made-up names can
/// push a real name out of the table early; that only ends its lock-out early.
/// </remarks>
internal sealed class LoginThrottle
{
    private readonly object _lock = new();
    private readonly int _maxFailures;
    private readonly TimeSpan _window;
    private readonly int _capacity;
    private readonly TimeProvider _timeProvider;

    // Entries in order of window start, so the first node is always the one to evict.
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries =
        new(StringComparer.Ordinal);

    public LoginThrottle(int maxFailures, TimeSpan window, int capacity, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        _maxFailures = maxFailures;
        _window = window;
        _capacity = capacity;
        _timeProvider = timeProvider;
    }

    /// <summary>Number of user names currently tracked.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Returns true when the name has used up its failures in the current window, with the
    /// whole seconds until the window ends.
    /// </summary>
    public bool IsBlocked(string userName, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(userName, out LinkedListNode<Entry>? node))
            {
                return false;
            }

            TimeSpan remaining = node.Value.WindowStart + _window - now;
            if (remaining <= TimeSpan.Zero)
            {
                Remove(node);
                return false;
            }

            if (node.Value.Failures < _maxFailures)
            {
                return false;
            }

            retryAfterSeconds = (int)Math.Ceiling(remaining.TotalSeconds);
            return true;
        }
    }

    /// <summary>Counts one failed login for the name.</summary>
    public void RecordFailure(string userName)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(userName, out LinkedListNode<Entry>? node))
            {
                if (node.Value.WindowStart + _window > now)
                {
                    node.Value.Failures++;
                    return;
                }

                Remove(node);
            }

            while (_entries.Count >= _capacity && _order.First is not null)
            {
                Remove(_order.First);
            }

            var entry = new Entry(userName, now) { Failures = 1 };
            _entries[userName] = _order.AddLast(entry);
        }
    }

    /// <summary>Forgets the name's failures after a successful login.</summary>
    public void Reset(string userName)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(userName, out LinkedListNode<Entry>? node))
            {
                Remove(node);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.UserName);
        _order.Remove(node);
    }

    private sealed class Entry(string userName, DateTimeOffset windowStart)
    {
        public string UserName { get; } = userName;

        public DateTimeOffset WindowStart { get; } = windowStart;

        public int Failures { get; set; }
    }
}
