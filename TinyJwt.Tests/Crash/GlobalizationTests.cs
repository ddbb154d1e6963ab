using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Tests.Users;

namespace TinyJwt.Tests.Crash;

/// <summary>
/// The built server's globalization mode: user names are compared after NFC normalization,
/// which needs ICU, and invariant globalization mode turns normalization into a silent no-op.
/// </summary>
[Category("Crash")]
[NonParallelizable]
public class GlobalizationTests
{
    private const int Pbkdf2Iterations = 1000;

    // Only the test uses this secret, and only for a server on loopback that it deletes.
    private const string Secret = "globalization-test-secret-0123456789abcdef";

    // "é" as e + U+0301 COMBINING ACUTE ACCENT, and as the one code point U+00E9.
    private const string DecomposedName = "caf\u0065\u0301";
    private const string ComposedName = "caf\u00e9";

    [Test]
    public void RuntimeConfig_DoesNotSetInvariantGlobalization()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TinyJwt.runtimeconfig.json");
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(path));

        bool hasOptions = config.RootElement.GetProperty("runtimeOptions")
            .TryGetProperty("configProperties", out JsonElement options);
        bool isInvariant = hasOptions
            && options.TryGetProperty("System.Globalization.Invariant", out JsonElement invariant)
            && invariant.GetBoolean();

        Assert.That(isInvariant, Is.False, "System.Globalization.Invariant is true in " + path);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Register_ComposedAfterDecomposed_IsSameUser()
    {
        using var temp = new TempDirectory();
        int port = ServerProcess.FindFreePort();
        using ServerProcess server = await ServerProcess.StartAsync(
            port, temp.DataDirectory, Secret, Pbkdf2Iterations);
        using HttpClient client = server.CreateClient();

        using HttpResponseMessage first = await RegisterAsync(client, DecomposedName);
        using HttpResponseMessage second = await RegisterAsync(client, ComposedName);
        string secondBody = await second.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(secondBody, Does.Contain("Username already exists"));
        }
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string userName)
    {
        string json = JsonSerializer.Serialize(new
        {
            username = userName,
            password = "password-of-the-test",
        });
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync("register", content, TestContext.CurrentContext.CancellationToken);
    }
}
