using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using TinyJwt.Users;

namespace TinyJwt.Tests.Http;

/// <summary>In-memory store whose reads throw while <see cref="FailReads"/> is set.</summary>
public sealed class FailingUserStore : IUserStore
{
    private readonly InMemoryUserStore _inner = new();

    public volatile bool FailReads;

    public int Count => _inner.Count;

    public bool TryGetPasswordHash(string userName, [NotNullWhen(true)] out string? passwordHash)
    {
        if (FailReads)
        {
            throw new InvalidOperationException("store read failed");
        }

        return _inner.TryGetPasswordHash(userName, out passwordHash);
    }

    public ValueTask<bool> TryAddAsync(
        string userName,
        string passwordHash,
        CancellationToken cancellationToken)
    {
        return _inner.TryAddAsync(userName, passwordHash, cancellationToken);
    }

    public ValueTask<bool> TryUpdatePasswordHashAsync(
        string userName,
        string newPasswordHash,
        string expectedPasswordHash,
        CancellationToken cancellationToken)
    {
        return _inner.TryUpdatePasswordHashAsync(
            userName,
            newPasswordHash,
            expectedPasswordHash,
            cancellationToken);
    }

    public void Dispose()
    {
        _inner.Dispose();
    }
}
