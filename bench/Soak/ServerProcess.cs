using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace TinyJwt.Soak;

/// <summary>One run of the server as a child process on a loopback port.</summary>
internal sealed class ServerProcess : IDisposable
{
    private const int KeptStartupLines = 12;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    // The first lines the server prints, which are its start-up report.
    private readonly ConcurrentQueue<string> _startupLines = new();

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public string StartupOutput => string.Join("\n", _startupLines);

    public static async Task<ServerProcess> StartAsync(
        string serverPath,
        int port,
        string dataDirectory,
        string secret,
        int pbkdf2Iterations)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(serverPath);
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("--data");
        startInfo.ArgumentList.Add(dataDirectory);
        startInfo.ArgumentList.Add("--pbkdf2-iterations");
        startInfo.ArgumentList.Add(pbkdf2Iterations.ToString(CultureInfo.InvariantCulture));
        startInfo.Environment["TINYJWT_SECRET"] = secret;

        Process process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("The server process did not start.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += server.OnOutputLine;
        process.ErrorDataReceived += server.OnOutputLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilServingAsync(port);
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
    /// Creates a client that sends <c>Host: localhost</c> but always connects to 127.0.0.1.
    /// </summary>
    public static HttpClient CreateClient(int port, TimeSpan timeout)
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
            MaxConnectionsPerServer = 256,
        };
        return new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://localhost:{port}/"),
            Timeout = timeout,
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

    private async Task WaitUntilServingAsync(int port)
    {
        using HttpClient client = CreateClient(port, TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_startTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The server exited with code {_process.ExitCode} while starting:\n"
                        + StartupOutput);
            }

            try
            {
                // Any response means the listener is serving (a missing token gets 400).
                using HttpResponseMessage response = await client.GetAsync("get-jwt");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException(
            $"The server did not answer within {s_startTimeout.TotalSeconds} s:\n{StartupOutput}");
    }

    private void OnOutputLine(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is not null && _startupLines.Count < KeptStartupLines)
        {
            _startupLines.Enqueue(line.Data);
        }
    }
}
