using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
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
}
