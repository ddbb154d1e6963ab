using System;

namespace TinyJwt.Crypto;

/// <summary>
/// The outcome of verifying a token: its subject when valid, or the reason it failed.
/// </summary>
public readonly struct TokenVerificationResult
{
    private readonly string? _description;

    private TokenVerificationResult(TokenFailure failure, string? subject, string description)
    {
        Failure = failure;
        Subject = subject;
        _description = description;
    }

    /// <summary>Gets a value that is true when every verification step passed.</summary>
    /// <remarks>
    /// Based on <see cref="Subject"/>, so a default-initialized result is never valid.
    /// </remarks>
    public bool IsValid => Subject is not null;

    /// <summary>Gets the reason the token failed, or <see cref="TokenFailure.None"/>.</summary>
    public TokenFailure Failure { get; }

    /// <summary>Gets the token's sub claim, set only when the token is valid.</summary>
    public string? Subject { get; }

    /// <summary>
    /// Gets a plain sentence for logs that names the failed check and no token content.
    /// </summary>
    public string Description => _description ?? "No token was verified.";

    /// <summary>Creates the result for a valid token.</summary>
    public static TokenVerificationResult Success(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new TokenVerificationResult(TokenFailure.None, subject, "The token is valid.");
    }

    /// <summary>Creates the result for a token that failed one check.</summary>
    public static TokenVerificationResult Fail(TokenFailure failure, string description)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(failure, TokenFailure.None);
        ArgumentException.ThrowIfNullOrEmpty(description);
        return new TokenVerificationResult(failure, null, description);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        return IsValid ? Description : $"{Failure}: {Description}";
    }
}
