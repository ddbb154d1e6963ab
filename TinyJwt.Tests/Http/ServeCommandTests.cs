using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;
using TinyJwt.Configuration;
using TinyJwt.Users;

namespace TinyJwt.Tests.Http;

// The serve command's start-up checks and exit codes, with a real file store in a temp folder.
public class ServeCommandTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        string name = "tinyjwt-serve-" + Guid.NewGuid().ToString("N");
        _directory = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Run_BadFlag_ExitsWithUsageCode()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = await ServeCommand.RunAsync(["--port", "http"], output, error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(error.ToString(), Does.Contain("--port"));
        }
    }

    [Test]
    public async Task Run_Help_PrintsUsage()
    {
        var output = new StringWriter();

        int exitCode = await ServeCommand.RunAsync(["--help"], output, new StringWriter());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(output.ToString(), Does.Contain("--token-lifetime"));
        }
    }

    [Test]
    public async Task Run_ShortSecret_ExitsWithUsageCode()
    {
        var options = Options() with { SecretText = "too short" };
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = await ServeCommand.RunAsync(options, output, error, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(error.ToString(), Does.Contain("9 bytes long"));
            Assert.That(error.ToString() + output, Does.Not.Contain("too short"));
        }
    }

    [Test]
    public async Task Run_DataFolderInUse_ExitsNonZero()
    {
        ServerOptions options = Options();
        using FileUserStore holder = FileUserStore.Open(options.DataDirectory, _ => { });
        var error = new StringWriter();

        int exitCode =
            await ServeCommand.RunAsync(options, new StringWriter(), error, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(ServeCommand.ExitStartFailed));
            Assert.That(error.ToString(), Does.Contain("cannot open the user store"));
        }
    }

    [Test]
    public async Task Run_PortTaken_ExitsNonZero()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        int port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var error = new StringWriter();

        int exitCode = await ServeCommand.RunAsync(
            Options() with { Port = port },
            new StringWriter(),
            error,
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(ServeCommand.ExitStartFailed));
            Assert.That(error.ToString(), Does.Contain($"port {port}"));
        }
    }

    [Test]
    public async Task Run_UntilCancelled_ServesThenExitsZero()
    {
        ServerOptions options = Options() with { Port = FreePort() };
        var output = new StringWriter();
        using var shutdown = new CancellationTokenSource();

        Task<int> run = ServeCommand.RunAsync(
            options,
            TextWriter.Synchronized(output),
            new StringWriter(),
            shutdown.Token);
        HttpStatusCode status = await GetStatusWhenUpAsync(options.Port);
        await shutdown.CancelAsync();
        int exitCode = await run;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(exitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(output.ToString(), Does.Contain("TinyJwt listening on http://localhost:"));
            Assert.That(output.ToString(), Does.Contain("users kept in"));
            Assert.That(output.ToString(), Does.Contain("TinyJwt stopped"));
            Assert.That(
                File.Exists(Path.Combine(options.DataDirectory, SecretFile.FileName)),
                Is.True);
        }
    }

    private ServerOptions Options()
    {
        return new ServerOptions
        {
            DataDirectory = Path.Combine(_directory, "data"),
            Pbkdf2Iterations = TestServer.TestIterations,
            Port = FreePort(),
        };
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<HttpStatusCode> GetStatusWhenUpAsync(int port)
    {
        using var client = new HttpClient();
        for (int i = 0; ; i++)
        {
            try
            {
                using HttpResponseMessage response =
                    await client.GetAsync($"http://localhost:{port}/get-jwt");
                return response.StatusCode;
            }
            catch (HttpRequestException) when (i < 200)
            {
                await Task.Delay(50);
            }
        }
    }
}
