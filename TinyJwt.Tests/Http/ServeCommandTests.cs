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
            Assert.That(error.ToString(), Does.Contain($"Is another program using port {port}?"));
            Assert.That(error.ToString(), Does.Not.Contain(".."));
        }
    }

    // Code 50 is the listener's for a host name that does not resolve, and 99 is Linux's
    // EADDRNOTAVAIL for an address that is not on this machine.
    [TestCase(50, "The request is not supported.")]
    [TestCase(99, "Cannot assign requested address")]
    public void DescribeListenFailure_UnboundHost_NamesAddress(int errorCode, string message)
    {
        var exception = new HttpListenerException(errorCode, message);
        ServerOptions options = new ServerOptions { Host = "example.test", Port = 5630 };

        string text = ServeCommand.DescribeListenFailure(
            exception,
            ["http://example.test:5630/"],
            options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("--host example.test cannot be bound"));
            Assert.That(text, Does.Not.Contain("port 5630?"));
            Assert.That(text, Does.Not.Contain(".."));
        }
    }

    [Test]
    public void DescribeListenFailure_AccessDenied_NamesPort()
    {
        var exception = new HttpListenerException(13, "Permission denied");
        ServerOptions options = new ServerOptions { Port = 80 };

        string text =
            ServeCommand.DescribeListenFailure(exception, ["http://localhost:80/"], options);

        Assert.That(text, Does.Contain("Port 80 needs privileges"));
    }

    [Test]
    public async Task Run_DataFolderNotCreatable_ExitsStartFailed()
    {
        // A regular file in the way makes the data folder impossible to create.
        string blocker = Path.Combine(_directory, "file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        ServerOptions options = Options() with { DataDirectory = Path.Combine(blocker, "data") };
        var error = new StringWriter();

        int exitCode =
            await ServeCommand.RunAsync(options, new StringWriter(), error, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(ServeCommand.ExitStartFailed));
            Assert.That(error.ToString(), Does.Contain("Cannot create data folder"));
        }
    }

    [Test]
    public async Task Run_SecretKeyIsDirectory_ExitsStartFailed()
    {
        ServerOptions options = Options();
        Directory.CreateDirectory(Path.Combine(options.DataDirectory, SecretFile.FileName));
        var error = new StringWriter();

        int exitCode =
            await ServeCommand.RunAsync(options, new StringWriter(), error, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(ServeCommand.ExitStartFailed));
            Assert.That(error.ToString(), Does.Contain("is a directory"));
        }
    }

    [Test]
    public async Task Run_EmptySecretKey_SaysDeleteIt()
    {
        ServerOptions options = Options();
        Directory.CreateDirectory(options.DataDirectory);
        string path = Path.Combine(options.DataDirectory, SecretFile.FileName);
        await File.WriteAllTextAsync(path, "");
        var error = new StringWriter();

        int exitCode =
            await ServeCommand.RunAsync(options, new StringWriter(), error, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(ServeCommand.ExitStartFailed));
            Assert.That(error.ToString(), Does.Contain("0 bytes long"));
            Assert.That(error.ToString(), Does.Contain($"Delete {path} and start again"));
        }
    }

    [Test]
    public async Task Run_SecretFileIsDirectory_ExitsWithUsageCode()
    {
        ServerOptions options = Options() with { SecretFilePath = _directory };
        var error = new StringWriter();

        int exitCode =
            await ServeCommand.RunAsync(options, new StringWriter(), error, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(error.ToString(), Does.Contain($"'{_directory}' is a directory"));
        }
    }

    [Test]
    public async Task Run_InMemory_LogsKeySourceReadably()
    {
        ServerOptions options = Options() with { InMemory = true };
        var output = new StringWriter();
        using var shutdown = new CancellationTokenSource();

        Task<int> run = ServeCommand.RunAsync(
            options,
            TextWriter.Synchronized(output),
            new StringWriter(),
            shutdown.Token);
        await GetStatusWhenUpAsync(options.Port);
        await shutdown.CancelAsync();
        await run;

        Assert.That(
            output.ToString(),
            Does.Contain(
                "HMAC key: 43 bytes from a random secret for this run only (--in-memory)"));
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
