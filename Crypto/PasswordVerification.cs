namespace TinyJwt.Crypto;

/// <summary>The outcome of checking a password against a stored hash.</summary>
public enum PasswordVerification
{
    /// <summary>The password does not match, or the stored hash does not parse.</summary>
    Mismatch,

    /// <summary>The password matches.</summary>
    Match,

    /// <summary>The password matches a hash made with fewer iterations than configured.</summary>
    MatchNeedsUpgrade,
}
