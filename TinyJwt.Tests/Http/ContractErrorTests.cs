using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Http;

// Every error response of the wire contract, with its status, exact message and headers.
public class ContractErrorTests
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
    public async Task Register_TakenName_Returns400Exists()
    {
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");

        using HttpResponseMessage response =
            await _server.PostCredentialsAsync("/register", "Romel", "other password");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "Username already exists");
    }

    [TestCase("/login")]
    [TestCase("/set-jwt")]
    public async Task Login_UnknownUser_Returns404(string path)
    {
        using HttpResponseMessage response =
            await _server.PostCredentialsAsync(path, "nobody", "password1");

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "User not found");
    }

    [TestCase("/login")]
    [TestCase("/set-jwt")]
    public async Task Login_WrongPassword_Returns401WithChallenge(string path)
    {
        await _server.PostCredentialsAsync("/register", "Romel", "pass1425");

        using HttpResponseMessage response =
            await _server.PostCredentialsAsync(path, "Romel", "pass1426");

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid password");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Bearer")]
    [TestCase("Bearer   ")]
    public async Task GetJwt_NoToken_Returns400Missing(string? authorization)
    {
        using HttpResponseMessage response = await _server.GetJwtAsync(authorization);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "Token is missing");
    }

    [Test]
    public async Task GetJwt_ExpiredToken_Returns401Expired()
    {
        string token = await _server.RegisterAndLoginAsync("Romel", "pass1425");
        _server.Clock.Advance(_server.Options.TokenLifetime);

        using HttpResponseMessage response = await _server.GetJwtAsync("Bearer " + token);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Token has expired");
        Assert.That(
            response.Headers.WwwAuthenticate.ToString(),
            Is.EqualTo("Bearer error=\"invalid_token\""));
    }

    [Test]
    public async Task GetJwt_OneSecondBeforeExpiry_Valid()
    {
        string token = await _server.RegisterAndLoginAsync("Romel", "pass1425");
        _server.Clock.Advance(_server.Options.TokenLifetime - TimeSpan.FromSeconds(1));

        using HttpResponseMessage response = await _server.GetJwtAsync("Bearer " + token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task GetJwt_ExpiredTokenOtherKey_Invalid()
    {
        long past = _server.Clock.GetUtcNow().ToUnixTimeSeconds() - 10;
        string claims = $"{{\"sub\":\"Romel\",\"iat\":{past - 60},\"exp\":{past}}}";
        string token = Sign(Header, claims, "another key of thirty-two bytes or more!");

        using HttpResponseMessage response = await _server.GetJwtAsync("Bearer " + token);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid token");
    }

    [Test]
    public async Task GetJwt_ForgedTokens_Return401Invalid()
    {
        string token = await _server.RegisterAndLoginAsync("Romel", "pass1425");
        string[] parts = token.Split('.');
        long now = _server.Clock.GetUtcNow().ToUnixTimeSeconds();
        string claims = $"{{\"sub\":\"admin\",\"iat\":{now},\"exp\":{now + 60}}}";
        string[] forged =
        [
            // A changed payload under the original signature.
            $"{parts[0]}.{Encode(claims)}.{parts[2]}",
            // alg "none" with an empty signature (RFC 8725 §2.1).
            $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Encode(claims)}.",
            // Signed with a key the server does not have.
            Sign(Header, claims, "not the server's key, but long enough"),
            // The right key, but an audience this server is not (RFC 7519 §4.1.3).
            Sign(
                Header,
                $"{{\"sub\":\"admin\",\"aud\":\"x\",\"exp\":{now + 60}}}",
                TestServer.Secret),
            // The right key, but no subject.
            Sign(Header, $"{{\"exp\":{now + 60}}}", TestServer.Secret),
            // Two and four segments, padding, and the standard base64 alphabet.
            $"{parts[0]}.{parts[1]}",
            token + ".x",
            token + "=",
            token.Replace('-', '+').Replace('_', '/') + "+",
            "not-a-token",
            new string('a', TokenVerifier.MaxTokenLength + 1),
        ];

        foreach (string candidate in forged)
        {
            using HttpResponseMessage response = await _server.GetJwtAsync("Bearer " + candidate);

            string label = candidate.Length > 40 ? candidate[..40] : candidate;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), label);
                Assert.That(
                    await Json.ReadErrorAsync(response),
                    Is.EqualTo("Invalid token"),
                    label);
                Assert.That(
                    response.Headers.WwwAuthenticate.ToString(),
                    Is.EqualTo("Bearer error=\"invalid_token\""),
                    label);
            }
        }
    }

    [Test]
    public async Task GetJwt_SignedCustomToken_Valid()
    {
        long now = _server.Clock.GetUtcNow().ToUnixTimeSeconds();
        string claims = $"{{\"sub\":\"made by hand\",\"exp\":{now + 60}}}";
        string token = Sign(Header, claims, TestServer.Secret);

        using HttpResponseMessage response = await _server.GetJwtAsync("Bearer " + token);

        Assert.That(
            (await Json.ReadAsync(response)).GetProperty("user").GetString(),
            Is.EqualTo("made by hand"));
    }

    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Token abc.def.ghi")]
    public async Task GetJwt_OtherScheme_Returns401Invalid(string authorization)
    {
        using HttpResponseMessage response = await _server.GetJwtAsync(authorization);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid token");
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task GetJwt_TwoAuthorizationHeaders_Returns401(bool validTokenLast)
    {
        string token = await _server.RegisterAndLoginAsync("two-headers", "password one");
        string[] values = validTokenLast
            ? ["Bearer abc.def.ghi", "Bearer " + token]
            : ["Bearer " + token, "Bearer abc.def.ghi"];
        var request = new HttpRequestMessage(HttpMethod.Get, "/get-jwt");
        foreach (string value in values)
        {
            request.Headers.TryAddWithoutValidation("Authorization", value);
        }

        using HttpResponseMessage response = await _server.Client.SendAsync(request);
        string log = await _server.WaitForLogAsync("GET /get-jwt 401");

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid token");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                response.Headers.WwwAuthenticate.ToString(),
                Is.EqualTo("Bearer error=\"invalid_token\""));
            Assert.That(log, Does.Contain("GET /get-jwt 401"));
            Assert.That(log, Does.Contain("more than one Authorization header"));
            Assert.That(log, Does.Not.Contain(token));
        }
    }

    [TestCase("Bearer {0},")]
    [TestCase("Bearer {0} ,")]
    [TestCase("Bearer {0}, ")]
    [TestCase("{0},")]
    [TestCase(",Bearer {0}")]
    public async Task GetJwt_CommaInAuthorization_Returns401(string format)
    {
        string token = await _server.RegisterAndLoginAsync("comma-header", "password one");
        var request = new HttpRequestMessage(HttpMethod.Get, "/get-jwt");
        request.Headers.TryAddWithoutValidation("Authorization", string.Format(format, token));

        using HttpResponseMessage response = await _server.Client.SendAsync(request);
        string log = await _server.WaitForLogAsync("GET /get-jwt 401");

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid token");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Does.Contain("more than one Authorization header"));
            Assert.That(log, Does.Not.Contain(token));
        }
    }

    [TestCase("GET", "/register", "POST")]
    [TestCase("GET", "/login", "POST")]
    [TestCase("PUT", "/set-jwt", "POST")]
    [TestCase("POST", "/get-jwt", "GET")]
    [TestCase("DELETE", "/get-jwt", "GET")]
    [TestCase("HEAD", "/login", "POST")]
    public async Task Route_WrongMethod_Returns405WithAllow(
        string method,
        string path,
        string allow)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using HttpResponseMessage response = await _server.Client.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Content.Headers.Allow, Is.EqualTo(new[] { allow }));
        }

        if (method != "HEAD")
        {
            Assert.That(
                await Json.ReadErrorAsync(response),
                Does.Contain($"use {allow} for {path}"));
        }
    }

    [TestCase("/")]
    [TestCase("/login/")]
    [TestCase("/Login")]
    [TestCase("/get-jwt/extra")]
    [TestCase("/favicon.ico")]
    public async Task Route_UnknownPath_Returns404(string path)
    {
        using HttpResponseMessage response = await _server.Client.GetAsync(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(
                await Json.ReadErrorAsync(response),
                Does.StartWith("No route for this path"));
        }
    }

    [Test]
    public async Task Route_QueryString_Ignored()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync("/get-jwt?token=abc");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "Token is missing");
    }

    private static string Header => "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private static string Encode(string json)
    {
        return Base64Url.Encode(Encoding.UTF8.GetBytes(json));
    }

    private static string Sign(string header, string claims, string secret)
    {
        string signingInput = Encode(header) + "." + Encode(claims);
        byte[] signature = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.Encode(signature);
    }

    private static async Task AssertErrorAsync(
        HttpResponseMessage response,
        HttpStatusCode status,
        string message)
    {
        string? error = await Json.ReadErrorAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(error, Is.EqualTo(message));
            Assert.That(
                response.Content.Headers.ContentType?.MediaType,
                Is.EqualTo("application/json"));
        }
    }
}
