using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Tests.Users;
using TinyJwt.Users;

namespace TinyJwt.Tests.Crash;

/// <summary>
/// The real server, killed with SIGKILL during a burst of registrations and started again on
/// the same data folder.
/// </summary>
[Category("Crash")]
[NonParallelizable]
public class ServerCrashTests
{
    private const int Pbkdf2Iterations = 1000;
    private const int RegistrationCount = 300;
    private const int ConcurrentClients = 16;

    // The kill comes after this many 201 responses, so hundreds of registrations are still
    // queued or in flight when the process dies.
    private const int SuccessesBeforeKill = 40;

    // Only the test uses this secret, and only for a server on loopback that it deletes.
    private const string Secret = "crash-test-secret-0123456789abcdef-0123456789";

    private TempDirectory _temp = null!; // Set in SetUp, before every test.
    private readonly List<ServerProcess> _servers = new();

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
    }

    [TearDown]
    public void TearDown()
    {
        foreach (ServerProcess server in _servers)
        {
            server.Dispose();
        }

        _servers.Clear();
        _temp.Dispose();
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Server_KilledMidBurst_KeepsEveryRegistration()
    {
        ServerProcess first = await StartServerAsync();
        string[] acknowledged = await RegisterUntilKilledAsync(first);

        ServerProcess second = await StartServerAsync();
        TestContext.Out.WriteLine(
            $"{acknowledged.Length} of {RegistrationCount} registrations got 201 before the kill.");
        TestContext.Out.WriteLine("Restart output:\n" + second.Output);
        using HttpClient client = second.CreateClient();
        var failedLogins = new List<string>();
        foreach (string userName in acknowledged)
        {
            using HttpResponseMessage response =
                await PostCredentialsAsync(client, "login", userName);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failedLogins.Add($"{userName}: {(int)response.StatusCode}");
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(acknowledged, Has.Length.GreaterThanOrEqualTo(SuccessesBeforeKill));
            Assert.That(acknowledged, Has.Length.LessThan(RegistrationCount), "kill came too late");
            Assert.That(failedLogins, Is.Empty, second.Output);
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Open_WhileServerRuns_ThrowsInUse()
    {
        await StartServerAsync();

        Assert.That(
            () => FileUserStore.Open(_temp.DataDirectory, _ => { }),
            Throws.TypeOf<DataDirectoryInUseException>());
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Open_AfterServerKilled_Succeeds()
    {
        ServerProcess server = await StartServerAsync();
        using (HttpClient client = server.CreateClient())
        {
            using HttpResponseMessage response =
                await PostCredentialsAsync(client, "register", "alice");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await server.KillAsync();

        using FileUserStore store = FileUserStore.Open(_temp.DataDirectory, _ => { });
        Assert.That(store.TryGetPasswordHash("alice", out _), Is.True);
    }

    // Sends the registrations from several clients at once, kills the server once enough have
    // been acknowledged, and returns the names that received 201.
    private async Task<string[]> RegisterUntilKilledAsync(ServerProcess server)
    {
        var acknowledged = new ConcurrentBag<string>();
        int nextIndex = -1;
        int killStarted = 0;
        Task? kill = null;

        async Task RunClientAsync()
        {
            using HttpClient client = server.CreateClient();
            while (true)
            {
                int index = Interlocked.Increment(ref nextIndex);
                if (index >= RegistrationCount || server.HasExited)
                {
                    return;
                }

                string userName = $"crash-user-{index}";
                try
                {
                    using HttpResponseMessage response =
                        await PostCredentialsAsync(client, "register", userName);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add(userName);
                    }
                }
                catch (HttpRequestException)
                {
                    // The connection died with the server. This registration was not
                    // acknowledged, so the store owes it nothing.
                }

                if (acknowledged.Count >= SuccessesBeforeKill
                    && Interlocked.Exchange(ref killStarted, 1) == 0)
                {
                    kill = server.KillAsync();
                }
            }
        }

        Task[] clients = Enumerable.Range(0, ConcurrentClients)
            .Select(_ => RunClientAsync())
            .ToArray();
        await Task.WhenAll(clients);
        if (kill is not null)
        {
            await kill;
        }

        return acknowledged.ToArray();
    }

    private async Task<ServerProcess> StartServerAsync()
    {
        int port = ServerProcess.FindFreePort();
        ServerProcess server =
            await ServerProcess.StartAsync(port, _temp.DataDirectory, Secret, Pbkdf2Iterations);
        _servers.Add(server);
        return server;
    }

    // Sends {"username": ..., "password": ...} as curl would: a Content-Length body with
    // Content-Type: application/json. CancelAfter on each test cancels the token.
    private static Task<HttpResponseMessage> PostCredentialsAsync(
        HttpClient client,
        string route,
        string userName)
    {
        var credentials = new Dictionary<string, string>
        {
            ["username"] = userName,
            ["password"] = $"password-of-{userName}",
        };
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(credentials));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync(route, content, TestContext.CurrentContext.CancellationToken);
    }
}
