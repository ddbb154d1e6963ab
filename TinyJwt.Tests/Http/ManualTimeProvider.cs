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

    public void Advance(TimeSpan time)
    {
        Now += time;
    }
}
