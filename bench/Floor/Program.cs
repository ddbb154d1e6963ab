using System;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Bench.Floor;

/// <summary>
/// Serves one fixed JSON response on every request, with no routing, parsing or crypto, so its
/// request rate is the most any server built on HttpListener can reach on the same machine.
/// </summary>
internal static class Program
{
    // The body TinyJwt sends for a valid token of a user named "bench", so both servers put
    // about the same bytes on the wire.
    private static readonly byte[] Body =
        Encoding.UTF8.GetBytes("{\"message\":\"Token is valid\",\"user\":\"bench\"}");

    private const int DefaultAcceptCount = 16;

    public static async Task<int> Main(string[] args)
    {
        if (!TryParseArguments(args, out int port, out int acceptCount))
        {
            Console.Error.WriteLine("Usage: Floor --port PORT [--accepts COUNT]");
            Console.Error.WriteLine("  --port     TCP port to listen on, on 127.0.0.1 only.");
            Console.Error.WriteLine(
                "  --accepts  accept calls kept outstanding at once "
                + $"(default {DefaultAcceptCount}).");
            return 2;
        }

        using HttpListener listener = new();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        Console.WriteLine(
            $"floor: listening on http://127.0.0.1:{port}/ with {acceptCount} accepts");

        using CancellationTokenSource stopping = new();
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                stopping.Cancel();
                listener.Stop();
            });
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            stopping.Cancel();
            listener.Stop();
        };

        Task[] acceptLoops = new Task[acceptCount];
        for (int i = 0; i < acceptCount; i++)
        {
            acceptLoops[i] = Task.Run(() => AcceptLoopAsync(listener, stopping.Token));
        }

        await Task.WhenAll(acceptLoops);
        Console.WriteLine("floor: stopped");
        return 0;
    }

    private static async Task AcceptLoopAsync(HttpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException
                or ObjectDisposedException or InvalidOperationException)
            {
                // The listener was stopped while this accept was outstanding: the loop is done.
                return;
            }

            try
            {
                HttpListenerResponse response = context.Response;
                response.StatusCode = 200;
                response.ContentType = "application/json";
                response.ContentLength64 = Body.Length;
                await response.OutputStream.WriteAsync(Body, stopping);
                response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException
                or System.IO.IOException or ObjectDisposedException
                or OperationCanceledException)
            {
                // The client went away before the response was written; nothing to clean up.
            }
        }
    }

    private static bool TryParseArguments(string[] args, out int port, out int acceptCount)
    {
        port = 0;
        acceptCount = DefaultAcceptCount;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            bool parsed = int.TryParse(
                args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value);
            if (!parsed || value < 1)
            {
                return false;
            }

            switch (args[i])
            {
                case "--port":
                    port = value;
                    break;
                case "--accepts":
                    acceptCount = value;
                    break;
                default:
                    return false;
            }
        }

        return args.Length % 2 == 0 && port is > 0 and < 65536;
    }
}
