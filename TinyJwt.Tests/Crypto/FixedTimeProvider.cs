using System;

namespace TinyJwt.Tests.Crypto;

/// <summary>A clock that always returns one instant, so token times are exact in tests.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(long unixSeconds)
    {
        _now = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
    }

    public override DateTimeOffset GetUtcNow()
    {
        return _now;
    }
}
