using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace TinyJwt.Soak;

/// <summary>Thread-safe counts of request outcomes, keyed by request kind and outcome.</summary>
internal sealed class Tally
{
    public const string Expected = "expected";

    private readonly ConcurrentDictionary<(string Kind, string Outcome), long> _counts = new();
    private long _responses;
    private long _connectionFailuresWhileDown;
    private long _connectionFailuresWhileUp;

    /// <summary>Requests that received an HTTP response, whatever its status.</summary>
    public long Responses => Interlocked.Read(ref _responses);

    public long ConnectionFailuresWhileDown => Interlocked.Read(ref _connectionFailuresWhileDown);

    public long ConnectionFailuresWhileUp => Interlocked.Read(ref _connectionFailuresWhileUp);

    /// <summary>Responses whose status or message differs from the documented one.</summary>
    public long Unexpected => _counts
        .Where(entry => entry.Key.Outcome != Expected && !entry.Key.Outcome.StartsWith("503"))
        .Sum(entry => entry.Value);

    /// <summary>503 responses, which the server sends to shed load when hashing is busy.</summary>
    public long Shed => _counts
        .Where(entry => entry.Key.Outcome.StartsWith("503"))
        .Sum(entry => entry.Value);

    public void AddResponse(string kind, string outcome)
    {
        Interlocked.Increment(ref _responses);
        _counts.AddOrUpdate((kind, outcome), 1, (_, count) => count + 1);
    }

    public void AddConnectionFailure(bool serverDown)
    {
        if (serverDown)
        {
            Interlocked.Increment(ref _connectionFailuresWhileDown);
        }
        else
        {
            Interlocked.Increment(ref _connectionFailuresWhileUp);
        }
    }

    /// <summary>Lines "kind outcome count", sorted by kind then outcome.</summary>
    public IEnumerable<string> FormatLines()
    {
        return _counts
            .OrderBy(entry => entry.Key.Kind)
            .ThenBy(entry => entry.Key.Outcome)
            .Select(entry => $"  {entry.Key.Kind,-20} {entry.Key.Outcome,-28} {entry.Value,9}");
    }
}
