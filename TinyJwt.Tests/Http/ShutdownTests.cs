using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TinyJwt.Tests.Http;

public class ShutdownTests
{
    [Test]
    public async Task Stop_RequestInFlight_FinishesIt()
    {
        await using TestServer server = TestServer.Start(options => options with
        {
            HashConcurrency = 1,
        });
        await server.PostCredentialsAsync("/register", "Romel", "pass1425");
        using var release = new ManualResetEventSlim();
        Task<(bool, int)> blocker = server.Server.HashGate.TryRunAsync(() =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return 0;
        });
        await WaitUntilAsync(() => server.Server.HashGate.QueuedCount == 0);
        Task<HttpResponseMessage> login =
            server.PostCredentialsAsync("/login", "Romel", "pass1425");
        await WaitUntilAsync(() => server.Server.HashGate.QueuedCount == 1);

        Task stopping = server.Server.StopAsync();
        using HttpResponseMessage during = await server.Client.GetAsync("/get-jwt");
        release.Set();
        using HttpResponseMessage response = await login;
        await stopping;
        await blocker;

        string log = await server.ReadLogAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(during.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await Json.ReadErrorAsync(during), Does.Contain("shutting down"));
            Assert.That(log, Does.Contain("TinyJwt stopped"));
            Assert.That(
                log.IndexOf("POST /login 200"),
                Is.LessThan(log.IndexOf("TinyJwt stopped")));
        }

        Assert.That(
            async () => await server.Client.GetAsync("/get-jwt"),
            Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Stop_StuckRequest_CutAfterTimeout()
    {
        await using TestServer server = TestServer.Start(options => options with
        {
            HashConcurrency = 1,
            ShutdownTimeout = TimeSpan.FromMilliseconds(200),
        });
        await server.PostCredentialsAsync("/register", "Romel", "pass1425");
        using var release = new ManualResetEventSlim();
        Task<(bool, int)> blocker = server.Server.HashGate.TryRunAsync(() =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return 0;
        });
        await WaitUntilAsync(() => server.Server.HashGate.QueuedCount == 0);
        Task<HttpResponseMessage> login =
            server.PostCredentialsAsync("/login", "Romel", "pass1425");
        await WaitUntilAsync(() => server.Server.HashGate.QueuedCount == 1);

        Task stopping = server.Server.StopAsync();
        await WaitUntilAsync(() => login.IsCompleted);
        release.Set();
        await stopping;
        await blocker;

        string log = await server.ReadLogAsync();
        Assert.That(log, Does.Contain("requests still running"));
    }

    [Test]
    public async Task Start_PortTaken_Throws()
    {
        await using TestServer first = TestServer.Start();
        await using TestServer second = TestServer.Start();

        var options = second.Options with { Port = first.Port };
        await using var log = new TinyJwt.Http.ServerLog(TextWriterNull, TextWriterNull);
        await using var server = new TinyJwt.Http.TinyJwtServer(
            options,
            new TinyJwt.Users.InMemoryUserStore(),
            TestServer.Key,
            TimeProvider.System,
            log);

        Assert.That(server.Start, Throws.InstanceOf<HttpListenerException>());
    }

    private static System.IO.TextWriter TextWriterNull => System.IO.TextWriter.Null;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.That(condition(), Is.True, "condition not reached within 6 s");
    }
}
