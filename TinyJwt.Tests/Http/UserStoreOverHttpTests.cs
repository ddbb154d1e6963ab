using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Crypto;
using TinyJwt.Tests.Users;
using TinyJwt.Users;

namespace TinyJwt.Tests.Http;

/// <summary>What the server does with the user store: hash upgrades and failed writes.</summary>
public class UserStoreOverHttpTests
{
    private TempDirectory _temp = null!; // Set in SetUp, before every test.
    private TestServer? _server;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _temp.Dispose();
    }

    [Test]
    public async Task Login_ConcurrentUpgrades_WriteOneRehashRecord()
    {
        FileUserStore store = FileUserStore.Open(_temp.DataDirectory, _ => { });
        _server = TestServer.Start(store: store);
        var weakHasher = new PasswordHasher(TestServer.TestIterations / 2);
        await store.TryAddAsync("legacy", weakHasher.Hash("password1"), default);

        // Each login that verifies the old hash before the first upgrade lands computes one.
        Task<HttpResponseMessage>[] logins = Enumerable.Range(0, 10)
            .Select(_ => _server.PostCredentialsAsync("/login", "legacy", "password1"))
            .ToArray();
        HttpResponseMessage[] responses = await Task.WhenAll(logins);

        string[] lines = File.ReadAllLines(_temp.LogPath);
        store.TryGetPasswordHash("legacy", out string? stored);
        PasswordHasher.TryParse(stored ?? "", out StoredPasswordHash parsed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                responses.Select(response => response.StatusCode),
                Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(lines.Count(line => line.Contains("\"rehash\"")), Is.EqualTo(1));
            Assert.That(parsed.Iterations, Is.EqualTo(TestServer.TestIterations));
        }

        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    // /dev/full accepts the open and fails every write with ENOSPC, as a full disk does, so
    // this drives the real file store into the failure the server must report.
    [Test]
    public async Task Register_FullDisk_Returns503()
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("This test needs the Linux device /dev/full.");
            return;
        }

        Directory.CreateDirectory(_temp.DataDirectory);
        File.CreateSymbolicLink(_temp.LogPath, "/dev/full");
        FileUserStore store = FileUserStore.Open(_temp.DataDirectory, _ => { });
        _server = TestServer.Start(store: store);

        HttpResponseMessage[] responses = new HttpResponseMessage[3];
        for (int i = 0; i < responses.Length; i++)
        {
            responses[i] =
                await _server.PostCredentialsAsync("/register", $"user{i}", "password1");
        }

        string log = await _server.ReadLogAsync();
        using (Assert.EnterMultipleScope())
        {
            foreach (HttpResponseMessage response in responses)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(
                    await Json.ReadErrorAsync(response),
                    Is.EqualTo("User store cannot be written; try again later"));
                Assert.That(
                    response.Headers.RetryAfter?.Delta,
                    Is.EqualTo(TimeSpan.FromSeconds(30)));
            }

            Assert.That(store.Count, Is.Zero);
            Assert.That(log, Does.Contain("ERROR POST /register: user store write failed"));
            Assert.That(log, Does.Contain("IOException: No space left on device"));
            Assert.That(
                CountOf(log, "ERROR POST /register: user store write failed"),
                Is.EqualTo(3));
            Assert.That(log, Does.Contain("(user store write failure 3 since start;"));
            Assert.That(CountOf(_server.ErrorText, "   at "), Is.GreaterThan(0));
            Assert.That(CountOf(_server.ErrorText, "POST /register"), Is.EqualTo(1));
        }

        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task Register_AfterWritesRecover_Returns201()
    {
        var store = new WriteFailingUserStore { FailWrites = true };
        _server = TestServer.Start(store: store);

        using HttpResponseMessage failed =
            await _server.PostCredentialsAsync("/register", "alice", "password1");
        store.FailWrites = false;
        using HttpResponseMessage retried =
            await _server.PostCredentialsAsync("/register", "alice", "password1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(store.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Login_UpgradeWriteFails_StillReturns200()
    {
        var store = new WriteFailingUserStore();
        _server = TestServer.Start(store: store);
        var weakHasher = new PasswordHasher(TestServer.TestIterations / 2);
        string legacyHash = weakHasher.Hash("password1");
        await store.TryAddAsync("legacy", legacyHash, default);
        store.FailWrites = true;

        using HttpResponseMessage login =
            await _server.PostCredentialsAsync("/login", "legacy", "password1");

        string log = await _server.ReadLogAsync();
        store.TryGetPasswordHash("legacy", out string? stored);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stored, Is.EqualTo(legacyHash));
            Assert.That(log, Does.Contain("ERROR password hash upgrade failed"));
            Assert.That(log, Does.Contain("IOException: No space left on device"));
        }
    }

    private static int CountOf(string text, string part)
    {
        return Regex.Count(text, Regex.Escape(part));
    }

    // In-memory store whose writes throw the IOException of a full disk while FailWrites is set.
    private sealed class WriteFailingUserStore : IUserStore
    {
        private readonly InMemoryUserStore _inner = new();

        public volatile bool FailWrites;

        public int Count => _inner.Count;

        public bool TryGetPasswordHash(
            string userName,
            [NotNullWhen(true)] out string? passwordHash)
        {
            return _inner.TryGetPasswordHash(userName, out passwordHash);
        }

        public ValueTask<bool> TryAddAsync(
            string userName,
            string passwordHash,
            CancellationToken cancellationToken)
        {
            ThrowIfFailing();
            return _inner.TryAddAsync(userName, passwordHash, cancellationToken);
        }

        public ValueTask<bool> TryUpdatePasswordHashAsync(
            string userName,
            string newPasswordHash,
            string expectedPasswordHash,
            CancellationToken cancellationToken)
        {
            ThrowIfFailing();
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

        private void ThrowIfFailing()
        {
            if (FailWrites)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}
