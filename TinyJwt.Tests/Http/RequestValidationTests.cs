using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TinyJwt.Tests.Http;

public class RequestValidationTests
{
    private TestServer _server = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = TestServer.Start();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
    }

    private static readonly object[] BadBodies =
    [
        // Not JSON, or not an object.
        new object[] { "{", "Request body is not valid JSON (line 1, byte 2)" },
        new object[] { "{\"username\": \"a\", \"password\": \"password1\"", "not valid JSON" },
        new object[] { "{\"username\": \"a\", \"password\": \"password1\"} x", "not valid JSON" },
        new object[] { "{\"username\": \"a\", \"password\": \"password1\"}{}", "not valid JSON" },
        new object[] { "[]", "must be a JSON object" },
        new object[] { "\"text\"", "must be a JSON object" },
        new object[] { "null", "must be a JSON object" },
        new object[] { "{username: 'a'}", "not valid JSON" },

        // Missing, non-string or empty members.
        new object[] { "{}", "Request body is missing username" },
        new object[] { "{\"username\": \"abc\"}", "Request body is missing password" },
        new object[] { "{\"password\": \"password1\"}", "Request body is missing username" },
        new object[]
        {
            "{\"username\": 5, \"password\": \"password1\"}",
            "username must be a string",
        },
        new object[]
        {
            "{\"username\": null, \"password\": \"password1\"}",
            "username must be a string",
        },
        new object[]
        {
            "{\"username\": \"abc\", \"password\": true}",
            "password must be a string",
        },
        new object[]
        {
            "{\"username\": \"abc\", \"password\": [\"x\"]}",
            "password must be a string",
        },
        new object[]
        {
            "{\"username\": \"\", \"password\": \"password1\"}",
            "username must not be empty",
        },
        new object[]
        {
            "{\"username\": \"abc\", \"password\": \"\"}",
            "password must not be empty",
        },

        // Duplicate members, also when one name is written with an escape.
        new object[]
        {
            "{\"username\": \"a\", \"username\": \"b\", \"password\": \"password1\"}",
            "more than once",
        },
        new object[]
        {
            "{\"username\": \"a\", \"\\u0075sername\": \"b\", \"password\": \"password1\"}",
            "more than once",
        },

        // An escaped lone surrogate decodes to no valid text.
        new object[]
        {
            "{\"username\": \"\\ud800\", \"password\": \"password1\"}",
            "not valid Unicode",
        },

        // User name rules.
        new object[]
        {
            "{\"username\": \" abc\", \"password\": \"password1\"}",
            "must not start or end with white space",
        },
        new object[]
        {
            "{\"username\": \"abc\\u00a0\", \"password\": \"password1\"}",
            "must not start or end with white space",
        },
        new object[]
        {
            "{\"username\": \"a\\u0000b\", \"password\": \"password1\"}",
            "must not contain control characters",
        },
        new object[]
        {
            "{\"username\": \"a\\tb\", \"password\": \"password1\"}",
            "must not contain control characters",
        },
        new object[]
        {
            "{\"username\": \"a\\u007fb\", \"password\": \"password1\"}",
            "must not contain control characters",
        },
        // Unicode noncharacters, in the Basic Multilingual Plane and beyond, all rejected alike.
        new object[]
        {
            "{\"username\": \"a\\ufffeb\", \"password\": \"password1\"}",
            "must not contain Unicode noncharacters",
        },
        new object[]
        {
            "{\"username\": \"a\\uffffb\", \"password\": \"password1\"}",
            "must not contain Unicode noncharacters",
        },
        new object[]
        {
            "{\"username\": \"a\\ufdd0b\", \"password\": \"password1\"}",
            "must not contain Unicode noncharacters",
        },
        new object[]
        {
            "{\"username\": \"a\\ud83f\\udffeb\", \"password\": \"password1\"}",
            "must not contain Unicode noncharacters",
        },
        new object[]
        {
            "{\"username\": \"a\\udbff\\udfffb\", \"password\": \"password1\"}",
            "must not contain Unicode noncharacters",
        },
        new object[]
        {
            $"{{\"username\": \"{new string('u', 65)}\", \"password\": \"password1\"}}",
            "at most 64 characters",
        },

        // Password rules.
        new object[]
        {
            "{\"username\": \"abc\", \"password\": \"1234567\"}",
            "at least 8 characters",
        },
        new object[]
        {
            $"{{\"username\": \"abc\", \"password\": \"{new string('p', 1025)}\"}}",
            "at most 1024 characters",
        },
    ];

    [TestCaseSource(nameof(BadBodies))]
    public async Task Register_BadBody_Returns400Naming(string body, string expected)
    {
        using HttpResponseMessage response = await _server.PostJsonAsync("/register", body);
        string rawBody = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Json.ReadErrorAsync(response), Does.Contain(expected));

            // The message reads the same in curl: no \uXXXX escape in the raw body.
            Assert.That(rawBody, Does.Not.Contain("\\u"));
        }
    }

    [TestCase("/login")]
    [TestCase("/set-jwt")]
    public async Task Login_BadBody_Returns400(string path)
    {
        using HttpResponseMessage response = await _server.PostJsonAsync(path, "[1, 2]");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    // Limits count Unicode scalar values: 64 emoji are 128 UTF-16 code units but 64 characters.
    [TestCase(64, "u", HttpStatusCode.Created)]
    [TestCase(64, "\U0001F600", HttpStatusCode.Created)]
    [TestCase(65, "\U0001F600", HttpStatusCode.BadRequest)]
    [TestCase(63, "e\u0301", HttpStatusCode.BadRequest)]
    [TestCase(64, "e\u0301", HttpStatusCode.Created)]
    public async Task Register_NameLength_CountedInCharacters(
        int count,
        string unit,
        HttpStatusCode expected)
    {
        // "e" + U+0301 becomes one character, U+00E9, after NFC, so 64 of them are 64 characters;
        // 63 pairs fit as well, and the test for them uses an extra "xx" to go over.
        string name = new StringBuilder().Insert(0, unit, count).ToString();
        if (count == 63)
        {
            name += "xx";
        }

        using HttpResponseMessage response = await _server.PostCredentialsAsync(
            "/register",
            name,
            "password1");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    // Neighbours of the noncharacter ranges are ordinary characters.
    [TestCase("near\uFDCF")]
    [TestCase("near\uFDF0")]
    [TestCase("near\uFFFD")]
    [TestCase("near\U0001FFFD")]
    public async Task Register_NearNoncharacter_Accepted(string name)
    {
        using HttpResponseMessage response = await _server.PostCredentialsAsync(
            "/register",
            name,
            "password1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    // The outer object is level 1, so 63 arrays inside it reach the 64-level limit.
    [TestCase(63, HttpStatusCode.Created)]
    [TestCase(64, HttpStatusCode.BadRequest)]
    [TestCase(500, HttpStatusCode.BadRequest)]
    public async Task Register_DeepUnknownMember_DepthLimitNamed(
        int arrays,
        HttpStatusCode expected)
    {
        string nested = new string('[', arrays) + new string(']', arrays);
        string body = $"{{\"username\": \"deep{arrays}\", \"password\": \"password1\", "
            + $"\"x\": {nested}}}";

        using HttpResponseMessage response = await _server.PostJsonAsync("/register", body);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.That(
                await Json.ReadErrorAsync(response),
                Is.EqualTo("Request body nests JSON deeper than 64 levels"));
        }
    }

    [TestCase(8, HttpStatusCode.Created)]
    [TestCase(1024, HttpStatusCode.Created)]
    public async Task Register_PasswordAtLimits_Accepted(int length, HttpStatusCode expected)
    {
        string name = "limit" + length;

        using HttpResponseMessage response = await _server.PostCredentialsAsync(
            "/register",
            name,
            new string('p', length));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Register_InvalidUtf8_Returns400()
    {
        // 0xC3 starts a two-byte sequence, and 0x28 cannot continue it.
        byte[] body =
            [.. "{\"username\": \"a"u8, 0xC3, 0x28, .. "\", \"password\": \"password1\"}"u8];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using HttpResponseMessage response = await _server.Client.PostAsync("/register", content);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(
                await Json.ReadErrorAsync(response),
                Is.EqualTo("Request body is not valid UTF-8"));
        }
    }

    [Test]
    public async Task Register_ByteOrderMark_Returns400()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"username\": \"a\", \"password\": \"password1\"}"u8];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using HttpResponseMessage response = await _server.Client.PostAsync("/register", content);

        Assert.That(await Json.ReadErrorAsync(response), Does.Contain("byte-order mark"));
    }

    [Test]
    public async Task Register_EmptyBody_Returns400()
    {
        using HttpResponseMessage response = await _server.PostJsonAsync("/register", "");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Json.ReadErrorAsync(response), Does.Contain("Request body is empty"));
        }
    }

    [Test]
    public async Task Register_UnknownMembers_Ignored()
    {
        string body = "{\"username\": \"extra\", \"password\": \"password1\", "
            + "\"age\": {\"a\": [1]}}";

        using HttpResponseMessage response = await _server.PostJsonAsync("/register", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("application/json; charset=latin-1", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("application/jsonx", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("application/json; charset=utf-8", HttpStatusCode.Created)]
    [TestCase("application/json; charset=\"UTF-8\"", HttpStatusCode.Created)]
    [TestCase("Application/JSON", HttpStatusCode.Created)]
    public async Task Register_ContentType_Checked(string contentType, HttpStatusCode expected)
    {
        string name = "type" + contentType.GetHashCode();
        string body = $"{{\"username\": \"{name}\", \"password\": \"password1\"}}";
        var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using HttpResponseMessage response = await _server.Client.PostAsync("/register", content);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.UnsupportedMediaType)
        {
            Assert.That(
                await Json.ReadErrorAsync(response),
                Does.Contain("application/json").Or.Contain("UTF-8"));
        }
    }

    [Test]
    public async Task Register_NoContentType_Returns415()
    {
        byte[] body = "{\"username\": \"n\", \"password\": \"password1\"}"u8.ToArray();
        var content = new ByteArrayContent(body);

        using HttpResponseMessage response = await _server.Client.PostAsync("/register", content);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(
                await Json.ReadErrorAsync(response),
                Does.StartWith("Content-Type must be application/json"));
        }
    }

    [Test]
    public async Task Register_LargeContentLength_Returns413()
    {
        string body = "{\"username\": \"big\", \"password\": \"" + new string('p', 17_000) + "\"}";

        using HttpResponseMessage response = await _server.PostJsonAsync("/register", body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(
                await Json.ReadErrorAsync(response),
                Is.EqualTo("Request body is larger than 16384 bytes"));
        }
    }

    [Test]
    public async Task Register_LargeChunkedBody_Returns413()
    {
        string body = "{\"username\": \"big\", \"password\": \"" + new string('p', 17_000) + "\"}";
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/register") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using HttpResponseMessage response = await _server.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Register_SmallChunkedBody_Accepted()
    {
        var content = new StringContent(
            "{\"username\": \"chunky\", \"password\": \"password1\"}",
            Encoding.UTF8,
            "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/register") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using HttpResponseMessage response = await _server.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
