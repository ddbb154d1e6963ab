using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TinyJwt.Tests.Http;

// Throttling, the hash queue, handler faults and what the log may contain.
public class LoadAndAbuseTests
{
    private TestServer? _server;

    [TearDown]
    public async Task StopServer()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Test]
    public async Task Login_FiveFailures_Returns429WithRetryAfter()
    {
        _server = TestServer.Start();
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage failed = await _server.PostCredentialsAsync("/login", "Romel", "wrong password");
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using HttpResponseMessage blocked = await _server.PostCredentialsAsync("/login", "Romel", "pass1425");
        using HttpResponseMessage blockedSetJwt = await _server.PostCredentialsAsync("/set-jwt", "Romel", "pass1425");

        TimeSpan? retryAfter = blocked.Headers.RetryAfter?.Delta;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(await Json.ReadErrorAsync(blocked), Is.EqualTo("Too many attempts"));
            Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromMinutes(15)));
            Assert.That(blockedSetJwt.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        }
    }

    [Test]
    public async Task Login_WindowOver_AllowedAgain()
    {
        _server = TestServer.Start();
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");
        for (int i = 0; i < 5; i++)
        {
            (await _server.PostCredentialsAsync("/login", "Romel", "wrong password")).Dispose();
        }

        _server.Clock.Advance(TimeSpan.FromMinutes(10));
        using HttpResponseMessage stillBlocked = await _server.PostCredentialsAsync("/login", "Romel", "pass1425");
        _server.Clock.Advance(TimeSpan.FromMinutes(5));
        using HttpResponseMessage allowed = await _server.PostCredentialsAsync("/login", "Romel", "pass1425");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillBlocked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(stillBlocked.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Login_SuccessResetsFailures()
    {
        _server = TestServer.Start();
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");
        var statuses = new List<HttpStatusCode>();
        foreach (string password in new[] { "bad1bad1", "bad2bad2", "bad3bad3", "bad4bad4", "pass1425" })
        {
            using HttpResponseMessage response = await _server.PostCredentialsAsync("/login", "Romel", password);
            statuses.Add(response.StatusCode);
        }

        for (int i = 0; i < 4; i++)
        {
            (await _server.PostCredentialsAsync("/login", "Romel", "bad password")).Dispose();
        }

        using HttpResponseMessage fifth = await _server.PostCredentialsAsync("/login", "Romel", "pass1425");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fifth.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Login_UnknownUserFailures_AlsoThrottled()
    {
        _server = TestServer.Start();
        for (int i = 0; i < 5; i++)
        {
            (await _server.PostCredentialsAsync("/login", "ghost", "password1")).Dispose();
        }

        using HttpResponseMessage response = await _server.PostCredentialsAsync("/login", "ghost", "password1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task HashQueueFull_Returns503_GetJwtStillServed()
    {
        _server = TestServer.Start(options => options with { HashConcurrency = 1, HashQueueLength = 1 });
        string token = await _server.RegisterAndLoginAsync("Romel", "pass1425");
        using var release = new ManualResetEventSlim();
        Task<(bool, int)> running = _server.Server.HashGate.TryRunAsync(() => Block(release));
        Task<(bool, int)> queued = _server.Server.HashGate.TryRunAsync(() => Block(release));

        using HttpResponseMessage login = await _server.PostCredentialsAsync("/login", "Romel", "pass1425");
        using HttpResponseMessage register = await _server.PostCredentialsAsync("/register", "new user", "pass1425");
        using HttpResponseMessage getJwt = await _server.GetJwtAsync("Bearer " + token);
        release.Set();
        await Task.WhenAll(running, queued);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await Json.ReadErrorAsync(login), Does.Contain("busy"));
            Assert.That(login.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(getJwt.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task HashQueueWaitTooLong_Returns503()
    {
        _server = TestServer.Start(options => options with
        {
            HashConcurrency = 1,
            HashQueueLength = 4,
            HashQueueTimeout = TimeSpan.FromSeconds(3),
        });
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");
        using var release = new ManualResetEventSlim();
        Task<(bool, int)> running = _server.Server.HashGate.TryRunAsync(() => Block(release));

        Task<HttpResponseMessage> login = _server.PostCredentialsAsync("/login", "Romel", "pass1425");
        await WaitUntilAsync(() => _server.Server.HashGate.QueuedCount == 1);
        _server.Clock.Advance(TimeSpan.FromSeconds(4));
        release.Set();
        using HttpResponseMessage response = await login;
        await running;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task HandlerException_Returns500_ServerKeepsServing()
    {
        var store = new FailingUserStore();
        _server = TestServer.Start(store: store);
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");
        store.FailReads = true;

        using HttpResponseMessage failed = await _server.PostCredentialsAsync("/login", "Romel", "pass1425");
        store.FailReads = false;
        using HttpResponseMessage next = await _server.PostCredentialsAsync("/login", "Romel", "pass1425");

        string log = await _server.ReadLogAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await Json.ReadErrorAsync(failed), Does.StartWith("Internal server error"));
            Assert.That(await failed.Content.ReadAsStringAsync(), Does.Not.Contain("FailingUserStore"));
            Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(log, Does.Contain("ERROR POST /login: InvalidOperationException: store read failed"));
            Assert.That(_server.ErrorText, Does.Contain("FailingUserStore"));
        }
    }

    [Test]
    public async Task Log_NeverContainsSecrets()
    {
        _server = TestServer.Start();
        const string Password = "very-secret-password";
        string token = await _server.RegisterAndLoginAsync("Romel", Password);
        (await _server.GetJwtAsync("Bearer " + token)).Dispose();
        (await _server.GetJwtAsync("Bearer " + token + "x")).Dispose();
        _server.Clock.Advance(TimeSpan.FromDays(1));
        (await _server.GetJwtAsync(token)).Dispose();
        (await _server.PostCredentialsAsync("/login", "Romel", Password + "!")).Dispose();

        string log = await _server.ReadLogAsync();

        string[] segments = token.Split('.');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Does.Contain("POST /login 200"));
            Assert.That(log, Does.Contain("GET /get-jwt 401"));
            Assert.That(log, Does.Not.Contain(Password));
            Assert.That(log, Does.Not.Contain(TestServer.Secret));
            Assert.That(log, Does.Not.Contain(segments[1]));
            Assert.That(log, Does.Not.Contain(segments[2]));
            Assert.That(log, Does.Not.Contain("pbkdf2"));
        }
    }

    [Test]
    public async Task Log_OneLinePerRequest_WithReason()
    {
        _server = TestServer.Start();

        (await _server.PostCredentialsAsync("/login", "nobody", "password1")).Dispose();
        (await _server.Client.GetAsync("/get-jwt?secret=1")).Dispose();

        string[] lines = (await _server.ReadLogAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] requestLines = lines.Where(line => line.Contains(" /")).ToArray();
        Assert.That(requestLines, Has.Length.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requestLines[0], Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z POST /login 404 \d+\.\d ms - User not found$"));
            Assert.That(requestLines[1], Does.Contain("GET /get-jwt 400"));
            Assert.That(requestLines[1], Does.Not.Contain("secret"));
        }
    }

    private static int Block(ManualResetEventSlim release)
    {
        release.Wait(TimeSpan.FromSeconds(30));
        return 0;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.That(condition(), Is.True, "condition not reached within 6 s");
    }
}
