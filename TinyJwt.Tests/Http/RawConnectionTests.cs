using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TinyJwt.Tests.Http;

// Requests HttpClient cannot send: stalled and cut-off bodies, bodies on early responses.
public class RawConnectionTests
{
    // Bounds every read so a broken server fails the test instead of hanging it.
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(30);

    private TestServer _server = null!;

    [SetUp]
    public void StartServer()
    {
        _server = TestServer.Start(options => options with
        {
            BodyReadTimeout = TimeSpan.FromSeconds(1),
        });
    }

    [TearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
    }

    [Test]
    public async Task StalledBody_ConnectionClosed_ServerServes()
    {
        using TcpClient client = await ConnectAsync();
        string head = "POST /register HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user";
        await SendAsync(client, head);

        string answer = await ReadToEndAsync(client);
        string log = await WaitForLogAsync("408");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer, Does.StartWith("HTTP/1.1 408"));
            Assert.That(answer, Does.Contain("Connection: close"));
            Assert.That(answer, Does.EndWith("{\"error\":\"Request body timed out\"}\n"));
            Assert.That(log, Does.Contain("POST /register 408"));
            Assert.That(log, Does.Contain("request body not received within 1 s"));
        }

        using HttpResponseMessage next = await _server.GetJwtAsync(null);
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task ClientLeavesMidBody_LoggedAsClientEvent()
    {
        using (TcpClient client = await ConnectAsync())
        {
            string head = "POST /login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user";
            await SendAsync(client, head);
            await Task.Delay(100);
        }

        string log = await WaitForLogAsync("client");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Does.Contain("POST /login client"));
            Assert.That(log, Does.Not.Contain("ERROR"));
            Assert.That(log, Does.Not.Contain(" 500 "));
        }
    }

    [Test]
    public async Task BadChunkSize_Logged400OnOneLine()
    {
        using (TcpClient client = await ConnectAsync())
        {
            string request = "POST /login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\nabc\r\n0\r\n\r\n";
            await SendAsync(client, request);
            string answer = await ReadToEndAsync(client);
            Assert.That(answer, Does.StartWith("HTTP/1.1 400"));
        }

        string log = await WaitForLogAsync("POST /login 400");
        string[] lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Does.Contain("POST /login 400"));
            Assert.That(log, Does.Contain("chunked body rejected by the listener"));
            Assert.That(log, Does.Not.Contain("client disconnected"));
            Assert.That(log, Does.Not.Contain("not delivered"));
            Assert.That(log, Does.Not.Contain("ERROR"));
            Assert.That(lines, Has.All.StartWith("20"));
        }
    }

    // Paths match as sent: no percent-decoding and no dot-segment removal before routing.
    [TestCase("/get%2Djwt")]
    [TestCase("/x/../get-jwt")]
    [TestCase("/./get-jwt")]
    public async Task EncodedOrDottedPath_Returns404(string path)
    {
        using TcpClient client = await ConnectAsync();

        await SendAsync(client, $"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
        string answer = await ReadOneAnswerAsync(client);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer, Does.StartWith("HTTP/1.1 404"));
            Assert.That(answer, Does.Contain("No route for this path"));
        }
    }

    [TestCase("PUT /login")]
    [TestCase("POST /nowhere")]
    [TestCase("GET /get-jwt")]
    public async Task EarlyAnswerWithBody_ClosesConnection(string requestLine)
    {
        using TcpClient client = await ConnectAsync();
        string request = $"{requestLine} HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 5\r\n\r\n{\"a\":";

        await SendAsync(client, request);
        string answer = await ReadToEndAsync(client);

        Assert.That(answer, Does.Contain("Connection: close").IgnoreCase);
    }

    [Test]
    public async Task WrongContentTypeWithBody_415ClosesConnection()
    {
        using TcpClient client = await ConnectAsync();
        string request = "POST /register HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";

        await SendAsync(client, request);
        string answer = await ReadToEndAsync(client);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer, Does.StartWith("HTTP/1.1 415"));
            Assert.That(answer, Does.Contain("Connection: close").IgnoreCase);
        }
    }

    [Test]
    public async Task PostWithoutLength_ListenerRefuses_ServerServes()
    {
        using (TcpClient client = await ConnectAsync())
        {
            await SendAsync(client, "POST /register HTTP/1.1\r\nHost: localhost\r\n\r\n");
            string answer = await ReadToEndAsync(client);
            Assert.That(answer, Does.StartWith("HTTP/1.1 411"));
        }

        using HttpResponseMessage next = await _server.GetJwtAsync(null);
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task KeptAliveConnection_ServesSecondRequest()
    {
        // A 400 always closes the connection, so the requests carry a token to get a 401.
        using TcpClient client = await ConnectAsync();
        string request = "GET /get-jwt HTTP/1.1\r\nHost: localhost\r\nAuthorization: x\r\n\r\n";

        await SendAsync(client, request);
        string first = await ReadOneAnswerAsync(client);
        await SendAsync(client, request);
        string second = await ReadOneAnswerAsync(client);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Does.StartWith("HTTP/1.1 401"));
            Assert.That(second, Does.StartWith("HTTP/1.1 401"));
            Assert.That(second, Does.Contain("Invalid token"));
        }
    }

    // Known gap, pinned so that a listener change shows up here: the managed HttpListener
    // (.NET 10, Linux) keeps only the last of two Authorization lines, so the handler sees one
    // header and cannot reject the pair. Joined values are rejected (ContractErrorTests).
    [Test]
    public async Task TwoAuthorizationLines_ListenerKeepsOnlyLast()
    {
        string token = await _server.RegisterAndLoginAsync("two-lines", "password one");
        using TcpClient client = await ConnectAsync();
        string request = "GET /get-jwt HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer abc.def.ghi\r\n"
            + $"Authorization: Bearer {token}\r\n\r\n";

        await SendAsync(client, request);
        string answer = await ReadOneAnswerAsync(client);

        Assert.That(answer, Does.StartWith("HTTP/1.1 200"));
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Port);
        return client;
    }

    private static async Task SendAsync(TcpClient client, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text.Replace("Host: localhost", "Host: 127.0.0.1"));
        await client.GetStream().WriteAsync(bytes);
    }

    // Reads until the server closes the connection; a reset counts as closed.
    private static async Task<string> ReadToEndAsync(TcpClient client)
    {
        using var limit = new CancellationTokenSource(ReadLimit);
        var text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await client.GetStream().ReadAsync(buffer, limit.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // Response.Abort resets the connection instead of closing it cleanly.
        }

        return text.ToString();
    }

    // Reads one response whose body ends with the newline every JSON response ends with.
    private static async Task<string> ReadOneAnswerAsync(TcpClient client)
    {
        using var limit = new CancellationTokenSource(ReadLimit);
        var text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!text.ToString().EndsWith("}\n", StringComparison.Ordinal))
        {
            int read = await client.GetStream().ReadAsync(buffer, limit.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private async Task<string> WaitForLogAsync(string fragment)
    {
        string log = "";
        for (int i = 0; i < 300; i++)
        {
            log = await _server.ReadLogAsync();
            if (log.Contains(" /") && log.Contains(fragment))
            {
                break;
            }

            await Task.Delay(20);
        }

        return log;
    }
}
