using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TinyJwt.Configuration;
using TinyJwt.Crypto;
using TinyJwt.Users;

namespace TinyJwt.Http;

/// <summary>
/// The HTTP server: an <see cref="HttpListener"/>, several pending accepts, and one task per
/// request that runs the router and writes one JSON response.
/// </summary>
public sealed class TinyJwtServer : IAsyncDisposable
{
    private readonly ServerOptions _options;
    private readonly IUserStore _store;
    private readonly ServerLog _log;
    private readonly HttpListener _listener = new();
    private readonly Router _router = new();
    private readonly HashGate _hashGate;
    private readonly CancellationTokenSource _stopping = new();

    // Cancelled when shutdown gives up waiting, so handlers stop their own waits too.
    private readonly CancellationTokenSource _abandoned = new();
    private readonly TaskCompletionSource _drained =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _acceptLoops = [];
    // Requests started and not yet finished. A plain counter is enough, because only the number
    // is ever read.
    private int _inFlightCount;
    private bool _stopped;

    /// <summary>Builds the server; <see cref="Start"/> opens the socket.</summary>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes.</exception>
    public TinyJwtServer(
        ServerOptions options,
        IUserStore store,
        byte[] key,
        TimeProvider timeProvider,
        ServerLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(log);

        _options = options;
        _store = store;
        _log = log;
        _hashGate = new HashGate(
            options.HashConcurrency,
            options.HashQueueLength,
            options.HashQueueTimeout,
            timeProvider);
        var throttle = new LoginThrottle(
            options.MaxFailedLogins,
            options.FailedLoginWindow,
            options.MaxThrottledNames,
            timeProvider);
        var accounts = new AccountHandlers(
            options,
            store,
            new PasswordHasher(options.Pbkdf2Iterations),
            new TokenIssuer(key, timeProvider, options.TokenLifetime),
            _hashGate,
            throttle,
            log);
        var tokens = new TokenHandler(new TokenVerifier(key, timeProvider));

        _router.Add("POST", "/register", accounts.RegisterAsync);
        _router.Add("POST", "/login", accounts.LoginAsync);
        _router.Add("POST", "/set-jwt", accounts.SetJwtAsync);
        _router.Add("GET", "/get-jwt", tokens.GetJwtAsync);
        Prefixes = ListenerPrefixes.For(options.Host, options.Port);
        foreach (string prefix in Prefixes)
        {
            _listener.Prefixes.Add(prefix);
        }
    }

    /// <summary>URL prefixes the listener serves.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    /// <summary>Hash queue, exposed so tests can fill it.</summary>
    internal HashGate HashGate => _hashGate;

    /// <summary>Opens the socket and starts accepting requests.</summary>
    /// <exception cref="HttpListenerException">The port is taken or the host is bad.</exception>
    public void Start()
    {
        _listener.Start();
        for (int i = 0; i < _options.PendingAccepts; i++)
        {
            _acceptLoops.Add(Task.Run(AcceptLoopAsync));
        }

        string store = _options.InMemory
            ? "kept in memory"
            : $"kept in {_options.DataDirectory}";
        _log.Write(
            $"{ServerLog.Timestamp()} TinyJwt listening on {string.Join(" and ", Prefixes)}; "
            + $"token lifetime {_options.TokenLifetime.TotalSeconds:0} s; "
            + $"PBKDF2 {_options.Pbkdf2Iterations} iterations; "
            + $"{_store.Count} users {store}");
    }

    /// <summary>
    /// Stops taking new work, waits for requests in flight up to the shutdown timeout, then cuts
    /// the rest and closes the listener. The store stays open: its owner disposes it.
    /// </summary>
    /// <remarks>
    /// HttpListener.Stop closes every connection, including those whose request is still being
    /// handled, so it comes last. Until then, requests that arrive get a quick 503.
    /// </remarks>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stopping.CancelAsync();
        if (Volatile.Read(ref _inFlightCount) == 0)
        {
            _drained.TrySetResult();
        }

        Task timeout = Task.Delay(_options.ShutdownTimeout);
        bool drained = await Task.WhenAny(_drained.Task, timeout) == _drained.Task;
        if (!drained)
        {
            _log.Write($"{ServerLog.Timestamp()} shutdown: {Volatile.Read(ref _inFlightCount)} requests still "
                + $"running after {_options.ShutdownTimeout.TotalSeconds:0.#} s; cutting them off");
            await _abandoned.CancelAsync();
        }

        _listener.Stop();
        await Task.WhenAll(_acceptLoops);
        _listener.Close();
        _hashGate.Dispose();
        _log.Write($"{ServerLog.Timestamp()} TinyJwt stopped");
    }

    /// <summary>Stops the server if it is running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_listener.IsListening)
        {
            await StopAsync();
        }
        else if (!_stopped)
        {
            // Start failed or never ran, so only the hashing threads need stopping.
            _stopped = true;
            _hashGate.Dispose();
            _listener.Close();
        }

        _stopping.Dispose();
        _abandoned.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (_stopping.IsCancellationRequested
                && exception is HttpListenerException or ObjectDisposedException
                    or InvalidOperationException)
            {
                return;
            }
            catch (HttpListenerException exception)
            {
                _log.WriteError("accepting a request failed", exception);
                continue;
            }

            Interlocked.Increment(ref _inFlightCount);

            // The request runs on this thread until its first wait that does not complete at
            // once, which saves a hop through the thread-pool queue per request. A handler never
            // blocks this loop for long: password hashing runs on the hash gate's own threads.
            _ = ProcessTrackedAsync(context);
        }
    }

    private async Task ProcessTrackedAsync(HttpListenerContext context)
    {
        try
        {
            // Once shutdown has begun, new requests get 503 so the in-flight ones can finish.
            RouteHandler? shuttingDown = _stopping.IsCancellationRequested
                ? (_, _) => Task.FromResult(Responses.ShuttingDown)
                : null;
            await RequestProcessor.ProcessAsync(
                context,
                _router,
                shuttingDown,
                _log,
                _abandoned.Token);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlightCount) == 0 && _stopping.IsCancellationRequested)
            {
                _drained.TrySetResult();
            }
        }
    }
}
