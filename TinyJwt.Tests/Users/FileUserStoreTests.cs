using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Users;

namespace TinyJwt.Tests.Users;

public class FileUserStoreTests
{
    private static readonly string AliceHash = StoredHashes.Alice;
    private static readonly string BobHash = StoredHashes.Bob;
    private static readonly string UpgradedHash = StoredHashes.Upgraded;

    private TempDirectory _temp = null!; // Set in SetUp, before every test.
    private List<string> _log = null!; // Set in SetUp, before every test.

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _log = new List<string>();
    }

    [TearDown]
    public void TearDown()
    {
        _temp.Dispose();
    }

    [Test]
    public async Task Open_AfterRegistrations_ReplaysUsers()
    {
        using (FileUserStore store = OpenStore())
        {
            await store.TryAddAsync("alice", AliceHash, CancellationToken.None);
            await store.TryAddAsync("bob", BobHash, CancellationToken.None);
        }

        using FileUserStore reopened = OpenStore();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reopened.Count, Is.EqualTo(2));
            Assert.That(reopened.TryGetPasswordHash("alice", out string? aliceHash), Is.True);
            Assert.That(aliceHash, Is.EqualTo(AliceHash));
            Assert.That(reopened.TryGetPasswordHash("bob", out string? bobHash), Is.True);
            Assert.That(bobHash, Is.EqualTo(BobHash));
        }
    }

    [Test]
    public async Task Open_AfterRehash_ReplaysLatestHash()
    {
        using (FileUserStore store = OpenStore())
        {
            await store.TryAddAsync("alice", AliceHash, CancellationToken.None);
            await store.TryUpdatePasswordHashAsync(
                "alice",
                UpgradedHash,
                AliceHash,
                CancellationToken.None);
        }

        using FileUserStore reopened = OpenStore();

        Assert.That(reopened.TryGetPasswordHash("alice", out string? hash), Is.True);
        Assert.That(hash, Is.EqualTo(UpgradedHash));
        Assert.That(reopened.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task TryAdd_NewName_WritesOneJsonLine()
    {
        using FileUserStore store = OpenStore();

        await store.TryAddAsync("alice", AliceHash, CancellationToken.None);
        await store.TryUpdatePasswordHashAsync(
            "alice",
            UpgradedHash,
            AliceHash,
            CancellationToken.None);

        string expected =
            "{\"kind\":\"register\",\"user\":\"alice\",\"hash\":\"" + AliceHash + "\"}\n"
            + "{\"kind\":\"rehash\",\"user\":\"alice\",\"hash\":\"" + UpgradedHash + "\"}\n";
        Assert.That(ReadLogText(), Is.EqualTo(expected));
    }

    [Test]
    public async Task TryAdd_EscapedName_RoundTrips()
    {
        // Quotes and backslashes are escaped in JSON. The name rules keep out control characters.
        const string unusualName = "Zoë \"the\" quote\\r";
        using (FileUserStore store = OpenStore())
        {
            await store.TryAddAsync(unusualName, AliceHash, CancellationToken.None);
        }

        using FileUserStore reopened = OpenStore();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadLogText().Count(c => c == '\n'), Is.EqualTo(1));
            Assert.That(ReadLogText(), Does.Contain("Zoë"));
            Assert.That(reopened.TryGetPasswordHash(unusualName, out string? hash), Is.True);
            Assert.That(hash, Is.EqualTo(AliceHash));
        }
    }

    [Test]
    public async Task TryAdd_TakenName_ReturnsFalseWritesNothing()
    {
        using FileUserStore store = OpenStore();
        await store.TryAddAsync("alice", AliceHash, CancellationToken.None);
        long lengthAfterFirst = new FileInfo(_temp.LogPath).Length;

        bool added = await store.TryAddAsync("alice", BobHash, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(added, Is.False);
            Assert.That(new FileInfo(_temp.LogPath).Length, Is.EqualTo(lengthAfterFirst));
            Assert.That(store.TryGetPasswordHash("alice", out string? hash), Is.True);
            Assert.That(hash, Is.EqualTo(AliceHash));
        }
    }

    [Test]
    public async Task TryAdd_ConcurrentSameName_OneRecord()
    {
        using FileUserStore store = OpenStore();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<bool>[] attempts = Enumerable.Range(0, 50)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await store.TryAddAsync(
                    "alice",
                    StoredHashes.Make(1000, i),
                    CancellationToken.None);
            }))
            .ToArray();

        start.SetResult();
        bool[] results = await Task.WhenAll(attempts);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Count(added => added), Is.EqualTo(1));
            Assert.That(File.ReadAllLines(_temp.LogPath), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public async Task TryAdd_FiftyConcurrentNames_AllSurviveReopen()
    {
        using (FileUserStore store = OpenStore())
        {
            Task<bool>[] attempts = Enumerable.Range(0, 50)
                .Select(i => Task.Run(async () =>
                    await store.TryAddAsync(
                        $"user{i}",
                        StoredHashes.Make(1000, i),
                        CancellationToken.None)))
                .ToArray();
            bool[] results = await Task.WhenAll(attempts);
            Assert.That(results, Is.All.True);
        }

        using FileUserStore reopened = OpenStore();

        Assert.That(reopened.Count, Is.EqualTo(50));
        Assert.That(reopened.TryGetPasswordHash("user49", out string? hash), Is.True);
        Assert.That(hash, Is.EqualTo(StoredHashes.Make(1000, 49)));
    }

    [Test]
    public void TryAdd_CanceledToken_AddsNothing()
    {
        using FileUserStore store = OpenStore();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(
            async () => await store.TryAddAsync("alice", AliceHash, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(store.Count, Is.Zero);
        Assert.That(new FileInfo(_temp.LogPath).Length, Is.Zero);
    }

    // The store rejects what its replay would reject, so a bad call cannot stop the next start.
    [TestCase(" alice", "valid", TestName = "TryAdd_LeadingSpace_ThrowsWritesNothing")]
    [TestCase("a\nb", "valid", TestName = "TryAdd_ControlCharacter_ThrowsWritesNothing")]
    [TestCase("bo\u0301b", "valid", TestName = "TryAdd_NameNotNfc_ThrowsWritesNothing")]
    [TestCase("alice", "plaintext", TestName = "TryAdd_HashNotStoredFormat_ThrowsWritesNothing")]
    public void TryAdd_InvalidRecord_ThrowsWritesNothing(string userName, string hashKind)
    {
        using FileUserStore store = OpenStore();
        string hash = hashKind == "valid" ? AliceHash : hashKind;

        Assert.That(
            async () => await store.TryAddAsync(userName, hash, CancellationToken.None),
            Throws.ArgumentException.With.Message.StartsWith("The record cannot be stored"));
        Assert.That(store.Count, Is.Zero);
        Assert.That(new FileInfo(_temp.LogPath).Length, Is.Zero);
    }

    [Test]
    public async Task TryUpdate_UnknownUser_ReturnsFalseWritesNothing()
    {
        using FileUserStore store = OpenStore();

        bool updated = await store.TryUpdatePasswordHashAsync(
            "bob",
            UpgradedHash,
            BobHash,
            CancellationToken.None);

        Assert.That(updated, Is.False);
        Assert.That(store.TryGetPasswordHash("bob", out _), Is.False);
        Assert.That(new FileInfo(_temp.LogPath).Length, Is.Zero);
    }

    [Test]
    public async Task TryUpdate_HashChanged_ReturnsFalseWritesNothing()
    {
        using FileUserStore store = OpenStore();
        await store.TryAddAsync("alice", AliceHash, CancellationToken.None);
        long lengthAfterRegister = new FileInfo(_temp.LogPath).Length;

        bool updated = await store.TryUpdatePasswordHashAsync(
            "alice",
            UpgradedHash,
            BobHash,
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(updated, Is.False);
            Assert.That(store.TryGetPasswordHash("alice", out string? hash), Is.True);
            Assert.That(hash, Is.EqualTo(AliceHash));
            Assert.That(new FileInfo(_temp.LogPath).Length, Is.EqualTo(lengthAfterRegister));
        }
    }

    [Test]
    public async Task TryUpdate_ConcurrentUpgrades_WritesOneRehash()
    {
        using FileUserStore store = OpenStore();
        await store.TryAddAsync("alice", AliceHash, CancellationToken.None);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each login read the same old hash and computed its own upgrade.
        Task<bool>[] upgrades = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await store.TryUpdatePasswordHashAsync(
                    "alice",
                    StoredHashes.Make(600_000, 100 + i),
                    AliceHash,
                    CancellationToken.None);
            }))
            .ToArray();
        start.SetResult();
        bool[] results = await Task.WhenAll(upgrades);

        string[] lines = File.ReadAllLines(_temp.LogPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Count(updated => updated), Is.EqualTo(1));
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines.Count(line => line.Contains("\"rehash\"")), Is.EqualTo(1));
            Assert.That(store.TryGetPasswordHash("alice", out string? hash), Is.True);
            Assert.That(lines[1], Does.Contain(hash));
        }
    }

    [Test]
    public void Open_WhileAnotherStoreOpen_ThrowsInUse()
    {
        using FileUserStore first = OpenStore();

        Assert.That(
            () => OpenStore(),
            Throws.TypeOf<DataDirectoryInUseException>()
                .With.Message.Contains("Another TinyJwt server owns the data folder"));
    }

    [Test]
    public async Task Open_AfterDispose_Succeeds()
    {
        FileUserStore first = OpenStore();
        await first.TryAddAsync("alice", AliceHash, CancellationToken.None);
        first.Dispose();

        using FileUserStore second = OpenStore();

        Assert.That(second.Count, Is.EqualTo(1));
    }

    [Test]
    public void Dispose_Twice_DoesNotThrow()
    {
        FileUserStore store = OpenStore();
        store.Dispose();

        Assert.That(() => store.Dispose(), Throws.Nothing);
    }

    [Test]
    public void TryAdd_AfterDispose_ThrowsObjectDisposed()
    {
        FileUserStore store = OpenStore();
        store.Dispose();

        Assert.That(
            async () => await store.TryAddAsync("alice", AliceHash, CancellationToken.None),
            Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Open_NewFolder_LogsUserCount()
    {
        using FileUserStore store = OpenStore();

        Assert.That(_log, Has.One.Contains("Loaded 0 users from 0 records"));
    }

    [Test]
    public void Open_NewFolder_CreatesOwnerOnlyFiles()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes do not apply on Windows.");
            return;
        }

        using FileUserStore store = OpenStore();

        const UnixFileMode ownerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                File.GetUnixFileMode(_temp.DataDirectory),
                Is.EqualTo(ownerReadWrite | UnixFileMode.UserExecute));
            Assert.That(File.GetUnixFileMode(_temp.LogPath), Is.EqualTo(ownerReadWrite));
            Assert.That(
                File.GetUnixFileMode(Path.Combine(_temp.DataDirectory, "tinyjwt.lock")),
                Is.EqualTo(ownerReadWrite));
        }
    }

    private FileUserStore OpenStore()
    {
        return FileUserStore.Open(_temp.DataDirectory, _log.Add);
    }

    private string ReadLogText()
    {
        // Read with FileShare.ReadWrite, since the store keeps the log open for appending.
        using var stream = new FileStream(
            _temp.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }
}
