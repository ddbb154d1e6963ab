using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Users;

/// <summary>A set of registered users, each with one stored password hash.</summary>
/// <remarks>
/// User names arrive already NFC-normalized and validated by the caller and are compared
/// ordinally, so "Alice" and "alice" are two users. Reads never wait for a write in progress.
/// </remarks>
public interface IUserStore : IDisposable
{
    /// <summary>Number of registered users.</summary>
    int Count { get; }

    /// <summary>Looks up the stored password hash of a user.</summary>
    bool TryGetPasswordHash(string userName, [NotNullWhen(true)] out string? passwordHash);

    /// <summary>
    /// Registers a new user, returning false when the name is taken. When it returns true, the
    /// record is already durable (for a file store, flushed to the disk).
    /// </summary>
    ValueTask<bool> TryAddAsync(
        string userName,
        string passwordHash,
        CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the password hash of a registered user, as after a rehash, but only while the
    /// stored hash still equals <paramref name="expectedPasswordHash"/> (ordinal comparison).
    /// Returns false, changing nothing, when the user is unknown or the hash has changed.
    /// </summary>
    /// <remarks>
    /// Several logins may verify the same old hash at once and each compute an upgrade. The
    /// comparison lets only the first replace it, as ConcurrentDictionary.TryUpdate does, so
    /// a file store writes one rehash record instead of one per login.
    /// </remarks>
    ValueTask<bool> TryUpdatePasswordHashAsync(
        string userName,
        string newPasswordHash,
        string expectedPasswordHash,
        CancellationToken cancellationToken);
}
