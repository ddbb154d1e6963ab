using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TinyJwt.Configuration;
using TinyJwt.Http;
using TinyJwt.Users;

namespace TinyJwt.Tests.Http;

/// <summary>Real server on a free loopback port, with a captured log and a manual clock.</summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string Secret = "a test secret that is long enough for HS256";

    // Small enough to keep the suite fast; the hasher's own tests use the real default.
    public const int TestIterations = 1000;

    private readonly StringWriter _logText = new();
    private readonly StringWriter _errorText = new();

    private TestServer(ServerOptions options, IUserStore store, ManualTimeProvider clock)
    {
        Options = options;
        Store = store;
        Clock = clock;
        Log = new ServerLog(TextWriter.Synchronized(_logText), TextWriter.Synchronized(_errorText));
        Server = new TinyJwtServer(options, store, Key, clock, Log);
        Client = new HttpClient { BaseAddress = new Uri($"http://localhost:{options.Port}/") };
    }

    public static byte[] Key => Encoding.UTF8.GetBytes(Secret);

    public ServerOptions Options { get; }

    public IUserStore Store { get; }

    public ManualTimeProvider Clock { get; }

    public ServerLog Log { get; }

    public TinyJwtServer Server { get; }

    public HttpClient Client { get; }

    public int Port => Options.Port;

    public string ErrorText => _errorText.ToString();

    public static TestServer Start(
        Func<ServerOptions, ServerOptions>? configure = null,
        IUserStore? store = null)
    {
        for (int attempt = 0; ; attempt++)
        {
            var options = new ServerOptions
            {
                Port = FindFreePort(),
                Pbkdf2Iterations = TestIterations,
                InMemory = true,
                HashConcurrency = 2,
                HashQueueLength = 16,
            };
            options = configure?.Invoke(options) ?? options;
            var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
            var server = new TestServer(options, store ?? new InMemoryUserStore(), clock);
            try
            {
                server.Server.Start();
                return server;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and the start.
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    public async Task<string> ReadLogAsync()
    {
        await Log.FlushAsync();
        return _logText.ToString();
    }

    // The request line is logged after the response is sent, so a test polls for it.
    public async Task<string> WaitForLogAsync(string fragment)
    {
        string log = await ReadLogAsync();
        for (int i = 0; i < 300 && !log.Contains(fragment); i++)
        {
            await Task.Delay(20);
            log = await ReadLogAsync();
        }

        return log;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        var content = new StringContent(json, Encoding.UTF8, "application/json");
        return Client.PostAsync(path, content);
    }

    public Task<HttpResponseMessage> PostCredentialsAsync(string path, string user, string password)
    {
        string json = JsonSerializer.Serialize(new { username = user, password });
        return PostJsonAsync(path, json);
    }

    public async Task<string> RegisterAndLoginAsync(string user, string password)
    {
        using HttpResponseMessage registered =
            await PostCredentialsAsync("/register", user, password);
        using HttpResponseMessage login = await PostCredentialsAsync("/login", user, password);
        using JsonDocument body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString() ?? "";
    }

    public Task<HttpResponseMessage> GetJwtAsync(string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/get-jwt");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Log.DisposeAsync();
        Store.Dispose();
    }

    private static int FindFreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
