using System;

namespace TinyJwt.Tests.Http;

/// <summary>Clock that stands still until a test moves it.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow()
    {
        return Now;
    }

    // Timestamps follow the manual clock too, so elapsed times move only when a test says so.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        return Now.UtcTicks;
    }

    public void Advance(TimeSpan time)
    {
        Now += time;
    }
}
