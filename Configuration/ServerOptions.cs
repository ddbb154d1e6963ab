using System;

namespace TinyJwt.Configuration;

/// <summary>Settings of one server run, from flags, environment variables and defaults.</summary>
public sealed record ServerOptions
{
    /// <summary>Host name or IPv4 address to serve; "localhost" means loopback only.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>TCP port of the listener.</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Folder of the user log, its lock file and the generated secret.</summary>
    public string DataDirectory { get; init; } = "./data";

    /// <summary>Time from <c>iat</c> to <c>exp</c> of an issued token.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>PBKDF2 iteration count for new password hashes (OWASP: 600 000).</summary>
    public int Pbkdf2Iterations { get; init; } = 600_000;

    /// <summary>File whose text is the HMAC secret, or null to use another source.</summary>
    public string? SecretFilePath { get; init; }

    /// <summary>Secret text from the TINYJWT_SECRET variable, or null when it is not set.</summary>
    public string? SecretText { get; init; }

    /// <summary>Whether users are kept in memory only, lost when the process ends.</summary>
    public bool InMemory { get; init; }

    /// <summary>Whether the caller asked for the usage text instead of a run.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Maximum request body size in bytes; a larger body is answered 413.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024;

    /// <summary>Time a client has to send the whole body before the connection is cut.</summary>
    public TimeSpan BodyReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Number of password hashes computed at once, each on its own thread.</summary>
    public int HashConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Number of hash requests that may wait for a free thread before 503.</summary>
    public int HashQueueLength { get; init; } = 8 * Environment.ProcessorCount;

    /// <summary>Longest time a hash request may wait in the queue before 503.</summary>
    public TimeSpan HashQueueTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Failed logins for one user name, within the window, that trigger 429.</summary>
    public int MaxFailedLogins { get; init; } = 5;

    /// <summary>Window in which failed logins are counted, and for which 429 lasts.</summary>
    public TimeSpan FailedLoginWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Maximum number of user names the login throttle tracks.</summary>
    public int MaxThrottledNames { get; init; } = 10_000;

    /// <summary>Number of <c>GetContextAsync</c> calls kept waiting for new requests.</summary>
    public int PendingAccepts { get; init; } = 16;

    /// <summary>Longest time shutdown waits for requests in flight.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
