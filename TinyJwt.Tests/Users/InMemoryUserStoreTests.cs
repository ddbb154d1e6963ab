using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Users;

namespace TinyJwt.Tests.Users;

public class InMemoryUserStoreTests
{
    [Test]
    public async Task TryAdd_NewName_StoresHash()
    {
        using var store = new InMemoryUserStore();

        bool added = await store.TryAddAsync("alice", "hash-1", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(added, Is.True);
            Assert.That(store.Count, Is.EqualTo(1));
            Assert.That(store.TryGetPasswordHash("alice", out string? hash), Is.True);
            Assert.That(hash, Is.EqualTo("hash-1"));
        }
    }

    [Test]
    public async Task TryAdd_TakenName_ReturnsFalseKeepsHash()
    {
        using var store = new InMemoryUserStore();
        await store.TryAddAsync("alice", "hash-1", CancellationToken.None);

        bool added = await store.TryAddAsync("alice", "hash-2", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(added, Is.False);
            Assert.That(store.TryGetPasswordHash("alice", out string? hash), Is.True);
            Assert.That(hash, Is.EqualTo("hash-1"));
        }
    }

    [Test]
    public async Task TryGet_OtherLetterCase_NotFound()
    {
        using var store = new InMemoryUserStore();
        await store.TryAddAsync("alice", "hash-1", CancellationToken.None);

        bool found = store.TryGetPasswordHash("Alice", out string? hash);

        Assert.That(found, Is.False);
        Assert.That(hash, Is.Null);
    }

    [Test]
    public async Task TryAdd_ConcurrentSameName_OneSucceeds()
    {
        using var store = new InMemoryUserStore();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<bool>[] attempts = Enumerable.Range(0, 50)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await store.TryAddAsync("alice", $"hash-{i}", CancellationToken.None);
            }))
            .ToArray();

        start.SetResult();
        bool[] results = await Task.WhenAll(attempts);

        Assert.That(results.Count(added => added), Is.EqualTo(1));
        Assert.That(store.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task TryUpdate_ExpectedHash_ReplacesHash()
    {
        using var store = new InMemoryUserStore();
        await store.TryAddAsync("alice", "hash-1", CancellationToken.None);

        bool updated = await store.TryUpdatePasswordHashAsync(
            "alice",
            "hash-2",
            "hash-1",
            CancellationToken.None);

        Assert.That(updated, Is.True);
        Assert.That(store.TryGetPasswordHash("alice", out string? hash), Is.True);
        Assert.That(hash, Is.EqualTo("hash-2"));
    }

    [Test]
    public async Task TryUpdate_HashChanged_KeepsCurrentHash()
    {
        using var store = new InMemoryUserStore();
        await store.TryAddAsync("alice", "hash-1", CancellationToken.None);
        await store.TryUpdatePasswordHashAsync("alice", "hash-2", "hash-1", CancellationToken.None);

        bool updated = await store.TryUpdatePasswordHashAsync(
            "alice",
            "hash-3",
            "hash-1",
            CancellationToken.None);

        Assert.That(updated, Is.False);
        Assert.That(store.TryGetPasswordHash("alice", out string? hash), Is.True);
        Assert.That(hash, Is.EqualTo("hash-2"));
    }

    [Test]
    public async Task TryUpdate_UnknownUser_ReturnsFalse()
    {
        using var store = new InMemoryUserStore();

        bool updated = await store.TryUpdatePasswordHashAsync(
            "bob",
            "hash-2",
            "hash-1",
            CancellationToken.None);

        Assert.That(updated, Is.False);
        Assert.That(store.Count, Is.Zero);
    }

    [TestCase("", "hash")]
    [TestCase("alice", "")]
    public void TryAdd_EmptyArgument_Throws(string userName, string passwordHash)
    {
        using var store = new InMemoryUserStore();

        Assert.That(
            async () => await store.TryAddAsync(userName, passwordHash, CancellationToken.None),
            Throws.ArgumentException);
    }
}
