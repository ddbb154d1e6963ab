using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Users;

/// <summary>A user store that lives only as long as the process, for throwaway demos.</summary>
public sealed class InMemoryUserStore : IUserStore
{
    // ConcurrentDictionary.TryAdd is atomic, so of two registrations of one name exactly one wins.
    private readonly ConcurrentDictionary<string, string> _passwordHashes =
        new(StringComparer.Ordinal);

    /// <inheritdoc />
    public int Count => _passwordHashes.Count;

    /// <inheritdoc />
    public bool TryGetPasswordHash(
        string userName,
        [NotNullWhen(true)] out string? passwordHash)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return _passwordHashes.TryGetValue(userName, out passwordHash);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryAddAsync(
        string userName,
        string passwordHash,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        cancellationToken.ThrowIfCancellationRequested();

        bool added = _passwordHashes.TryAdd(userName, passwordHash);
        return ValueTask.FromResult(added);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryUpdatePasswordHashAsync(
        string userName,
        string newPasswordHash,
        string expectedPasswordHash,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(newPasswordHash);
        ArgumentException.ThrowIfNullOrEmpty(expectedPasswordHash);
        cancellationToken.ThrowIfCancellationRequested();

        // TryUpdate compares and replaces atomically, and returns false for an unknown name.
        bool updated = _passwordHashes.TryUpdate(userName, newPasswordHash, expectedPasswordHash);
        return ValueTask.FromResult(updated);
    }

    /// <summary>Does nothing, because the store has no files or handles to close.</summary>
    public void Dispose()
    {
    }
}
