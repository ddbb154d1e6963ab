using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
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
            (key, string source) = SigningKey.Resolve(
                options,
                line => log.Write($"{ServerLog.Timestamp()} {line}"));
            log.Write($"{ServerLog.Timestamp()} HMAC key: {key.Length} bytes from {source}");
        }
        catch (DataDirectoryException exception)
        {
            // Every flag was valid, but the server cannot start on this data folder.
            await log.FlushAsync();
            error.WriteLine($"tinyjwt serve: {exception.Message}");
            return ExitStartFailed;
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
            error.WriteLine(DescribeListenFailure(exception, server.Prefixes, options));
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

    /// <summary>Builds the start-up error for a listener that cannot bind, with a hint.</summary>
    internal static string DescribeListenFailure(
        HttpListenerException exception,
        IEnumerable<string> prefixes,
        ServerOptions options)
    {
        string reason = exception.Message.TrimEnd('.');
        string hint = exception.ErrorCode switch
        {
            // Address in use: errno 98 (EADDRINUSE) on Linux, or the SocketError value.
            98 or (int)SocketError.AddressAlreadyInUse =>
                $"Is another program using port {options.Port}?",

            // Permission denied: errno 13 (EACCES) on Linux, usually a port below 1024.
            13 or (int)SocketError.AccessDenied =>
                $"Port {options.Port} needs privileges this user does not have; "
                + "use a port from 1024 up.",

            // The listener's code 50 is a host name that does not resolve, and EADDRNOTAVAIL
            // an address that is not on this machine.
            _ => $"The address of --host {options.Host} cannot be bound on this machine; "
                + "use localhost, 127.0.0.1, 0.0.0.0 or an address of one of its interfaces.",
        };
        return $"tinyjwt serve: cannot listen on {string.Join(" and ", prefixes)}: "
            + $"{reason}. {hint}";
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
