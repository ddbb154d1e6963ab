using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Tests.Crash;

/// <summary>
/// The built server run as a child process on a loopback port, with a client that reaches it
/// through 127.0.0.1 only.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Standard output and standard error lines, in arrival order per stream.</summary>
    public string Output => string.Join("\n", _output);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server from the test output folder and waits until it responds.</summary>
    public static async Task<ServerProcess> StartAsync(
        int port,
        string dataDirectory,
        string secret,
        int pbkdf2Iterations)
    {
        // TINYJWT_SERVER_EXECUTABLE runs these tests against a published build, such as the
        // Native AOT binary, instead of the TinyJwt.dll built next to the tests.
        string? executable = Environment.GetEnvironmentVariable("TINYJWT_SERVER_EXECUTABLE");
        bool runsDll = string.IsNullOrEmpty(executable);
        string fileName = string.IsNullOrEmpty(executable) ? "dotnet" : executable;
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runsDll)
        {
            startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TinyJwt.dll"));
        }

        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("--data");
        startInfo.ArgumentList.Add(dataDirectory);
        startInfo.ArgumentList.Add("--pbkdf2-iterations");
        startInfo.ArgumentList.Add(
            pbkdf2Iterations.ToString(CultureInfo.InvariantCulture));
        startInfo.Environment["TINYJWT_SECRET"] = secret;

        Process process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("The server process did not start.");
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += server.OnOutputLine;
        process.ErrorDataReceived += server.OnOutputLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilServingAsync();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>Returns a free TCP port on 127.0.0.1, chosen by the operating system.</summary>
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Creates a client whose requests carry <c>Host: localhost</c>, as the server expects, but
    /// whose connections go to 127.0.0.1 whatever "localhost" resolves to.
    /// </summary>
    public HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(
                    AddressFamily.InterNetwork,
                    SocketType.Stream,
                    ProtocolType.Tcp);
                try
                {
                    var endPoint = new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port);
                    await socket.ConnectAsync(endPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://localhost:{Port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Sends SIGKILL on Unix, so the server gets no chance to flush or clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using HttpClient client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_startTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The server exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                // Any response means the listener is serving (a missing token gets 400).
                using HttpResponseMessage response = await client.GetAsync("get-jwt");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException(
            $"The server did not answer within {s_startTimeout.TotalSeconds} s:\n{Output}");
    }

    private void OnOutputLine(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is not null)
        {
            _output.Enqueue(line.Data);
        }
    }
}
