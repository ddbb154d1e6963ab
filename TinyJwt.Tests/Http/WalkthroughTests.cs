using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TinyJwt.Tests.Http;

// The tutorial's curl session, step by step, over real HTTP.
public class WalkthroughTests
{
    private TestServer _server = null!;

    [SetUp]
    public void StartServer()
    {
        _server = TestServer.Start();
    }

    [TearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Walkthrough_TutorialSteps_GiveContractAnswers()
    {
        const string Body = """{"username": "Romel", "password": "pass1425"}""";

        using HttpResponseMessage register = await _server.PostJsonAsync("/register", Body);
        using HttpResponseMessage login = await _server.PostJsonAsync("/login", Body);
        using HttpResponseMessage setJwt = await _server.PostJsonAsync("/set-jwt", Body);

        string registerBody = await register.Content.ReadAsStringAsync();
        JsonElement loginJson = await Json.ReadAsync(login);
        JsonElement setJwtJson = await Json.ReadAsync(setJwt);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(registerBody, Is.EqualTo("{\"message\":\"User registered successfully\"}\n"));
            Assert.That(register.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(loginJson.GetProperty("message").GetString(), Is.EqualTo("Login successful"));
            Assert.That(setJwt.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(setJwtJson.GetProperty("message").GetString(), Is.EqualTo("JWT created"));
            Assert.That(Json.MemberNames(setJwtJson), Is.EqualTo(new[] { "message", "token" }));
        }

        string token = loginJson.GetProperty("token").GetString() ?? "";
        Assert.That(token.Split('.'), Has.Length.EqualTo(3));
        foreach (string authorization in new[] { "Bearer " + token, "bearer " + token, token })
        {
            using HttpResponseMessage getJwt = await _server.GetJwtAsync(authorization);
            string body = await getJwt.Content.ReadAsStringAsync();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(getJwt.StatusCode, Is.EqualTo(HttpStatusCode.OK), authorization[..7]);
                Assert.That(body, Is.EqualTo("{\"message\":\"Token is valid\",\"user\":\"Romel\"}\n"));
            }
        }
    }

    [TestCase("BEARER ")]
    [TestCase("BeArEr ")]
    [TestCase("Bearer    ")]
    public async Task GetJwt_SchemeAnyCase_Accepted(string scheme)
    {
        string token = await _server.RegisterAndLoginAsync("alice", "correct horse");

        using HttpResponseMessage response = await _server.GetJwtAsync(scheme + token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task GetJwt_SetJwtToken_IsValid()
    {
        await _server.PostCredentialsAsync("/register", "bob", "password1");
        using HttpResponseMessage setJwt = await _server.PostCredentialsAsync("/set-jwt", "bob", "password1");
        string token = (await Json.ReadAsync(setJwt)).GetProperty("token").GetString() ?? "";

        using HttpResponseMessage response = await _server.GetJwtAsync("Bearer " + token);

        Assert.That((await Json.ReadAsync(response)).GetProperty("user").GetString(), Is.EqualTo("bob"));
    }

    [Test]
    public async Task Register_NonAsciiName_ReturnedEscaped()
    {
        string token = await _server.RegisterAndLoginAsync("Zoë", "password1");

        using HttpResponseMessage response = await _server.GetJwtAsync("Bearer " + token);

        string body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Does.Contain("\\u00EB").IgnoreCase);
            Assert.That((await Json.ReadAsync(response)).GetProperty("user").GetString(), Is.EqualTo("Zoë"));
        }
    }

    [Test]
    public async Task Register_DecomposedName_LogsInComposed()
    {
        await _server.PostCredentialsAsync("/register", "Jose\u0301", "password1");

        using HttpResponseMessage login = await _server.PostCredentialsAsync("/login", "Jos\u00e9", "password1");
        using HttpResponseMessage again = await _server.PostCredentialsAsync("/register", "Jos\u00e9", "password2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
    }

    [Test]
    public async Task Login_CaseDifferentName_NotFound()
    {
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");

        using HttpResponseMessage login = await _server.PostCredentialsAsync("/login", "romel", "pass1425");

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Server_LoopbackAddress_AlsoServed()
    {
        using var client = new HttpClient();
        string url = $"http://127.0.0.1:{_server.Port}/get-jwt";

        using HttpResponseMessage response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Login_OldIterationHash_UpgradedOnSuccess()
    {
        var weakHasher = new TinyJwt.Crypto.PasswordHasher(TestServer.TestIterations / 2);
        await _server.Store.TryAddAsync("legacy", weakHasher.Hash("password1"), default);

        using HttpResponseMessage login = await _server.PostCredentialsAsync("/login", "legacy", "password1");

        _server.Store.TryGetPasswordHash("legacy", out string? stored);
        TinyJwt.Crypto.PasswordHasher.TryParse(stored ?? "", out TinyJwt.Crypto.StoredPasswordHash parsed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(parsed.Iterations, Is.EqualTo(TestServer.TestIterations));
        }
    }
}

/// <summary>Helpers to read JSON answers in tests.</summary>
internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string[] MemberNames(JsonElement element)
    {
        return element.EnumerateObject().Select(member => member.Name).ToArray();
    }

    /// <summary>Returns the "error" message after checking it is the object's only member.</summary>
    public static async Task<string?> ReadErrorAsync(HttpResponseMessage response)
    {
        JsonElement json = await ReadAsync(response);
        if (json.ValueKind != JsonValueKind.Object || MemberNames(json) is not ["error"])
        {
            return $"<not an error object: {json}>";
        }

        return json.GetProperty("error").GetString();
    }
}
