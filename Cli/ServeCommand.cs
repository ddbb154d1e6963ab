using System;
using System.IO;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TinyJwt.Configuration;
using TinyJwt.Http;
using TinyJwt.Users;

namespace TinyJwt.Cli;

/// <summary>The serve command: reads the configuration and runs the server until stopped.</summary>
internal static class ServeCommand
{
    public const int ExitStartFailed = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ServerOptions options;
        try
        {
            options = ServerOptionsParser.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ConfigurationException exception)
        {
            error.WriteLine($"tinyjwt serve: {exception.Message}");
            return CommandLine.ExitUsage;
        }

        if (options.ShowHelp)
        {
            output.Write(ServerOptionsParser.Usage);
            return CommandLine.ExitOk;
        }

        using var shutdown = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancelKey = (_, eventArgs) =>
        {
            // Keep the process alive so the server can finish its requests and exit 0.
            eventArgs.Cancel = true;
            shutdown.Cancel();
        };
        Console.CancelKeyPress += onCancelKey;
        using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                shutdown.Cancel();
            });
        try
        {
            return await RunAsync(options, output, error, shutdown.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }

    /// <summary>Runs the server with parsed options until the token is cancelled.</summary>
    public static async Task<int> RunAsync(
        ServerOptions options,
        TextWriter output,
        TextWriter error,
        CancellationToken shutdown)
    {
        // Standard output is buffered and flushed per batch by the log's writer, instead of the
        // console's flush after every write.
        TextWriter logOutput = ReferenceEquals(output, Console.Out)
            ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024)
            : output;
        await using var log = new ServerLog(logOutput, error);
        byte[] key;
        try
        {
            (key, string source) = SigningKey.Resolve(options, log.Write);
            log.Write($"{ServerLog.Timestamp()} HMAC key from {source} ({key.Length} bytes)");
        }
        catch (ConfigurationException exception)
        {
            await log.FlushAsync();
            error.WriteLine($"tinyjwt serve: {exception.Message}");
            return CommandLine.ExitUsage;
        }

        IUserStore store;
        try
        {
            store = OpenStore(options, log);
        }
        catch (Exception exception) when (exception is UserStoreException
            or DataDirectoryInUseException or IOException or UnauthorizedAccessException)
        {
            await log.FlushAsync();
            error.WriteLine($"tinyjwt serve: cannot open the user store: {exception.Message}");
            return ExitStartFailed;
        }

        using (store)
        {
            return await RunServerAsync(options, store, key, log, error, shutdown);
        }
    }

    private static async Task<int> RunServerAsync(
        ServerOptions options,
        IUserStore store,
        byte[] key,
        ServerLog log,
        TextWriter error,
        CancellationToken shutdown)
    {
        await using var server = new TinyJwtServer(options, store, key, TimeProvider.System, log);
        try
        {
            server.Start();
        }
        catch (HttpListenerException exception)
        {
            await log.FlushAsync();
            error.WriteLine(
                $"tinyjwt serve: cannot listen on {string.Join(" and ", server.Prefixes)}: "
                + $"{exception.Message}. Is another program using port {options.Port}?");
            return ExitStartFailed;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, shutdown);
        }
        catch (OperationCanceledException)
        {
            log.Write($"{ServerLog.Timestamp()} stop signal received; finishing requests");
        }

        await server.StopAsync();
        return CommandLine.ExitOk;
    }

    private static IUserStore OpenStore(ServerOptions options, ServerLog log)
    {
        if (options.InMemory)
        {
            return new InMemoryUserStore();
        }

        return FileUserStore.Open(
            options.DataDirectory,
            line => log.Write($"{ServerLog.Timestamp()} user store: {line}"));
    }
}
