using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using TinyJwt.Soak;

// Soak run: mixed load on a loopback server, SIGKILL and restart halfway, then a login check
// of every user that received 201. Exit code 0 only when no user was lost or left unchecked.
SoakOptions? options = SoakOptions.Parse(args, out string? error);
if (options is null)
{
    Console.Error.WriteLine($"soak: {error}");
    Console.Error.Write(SoakOptions.Usage);
    return 2;
}

string dataDirectory =
    Path.Combine(Path.GetTempPath(), "tinyjwt-soak-" + Guid.NewGuid().ToString("N"));
string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
int port = ServerProcess.FindFreePort();
Console.WriteLine(
    $"soak: {options.DurationSeconds} s, {options.Clients} clients, at most "
        + $"{options.MaxRequests} requests, PBKDF2 {options.Pbkdf2Iterations} iterations, "
        + $"server on 127.0.0.1:{port}");

var tally = new Tally();
using HttpClient client = ServerProcess.CreateClient(port, TimeSpan.FromSeconds(10));
var workload = new Workload(client, tally);
ServerProcess? server = null;
try
{
    server = await ServerProcess.StartAsync(
        options.ServerPath, port, dataDirectory, secret, options.Pbkdf2Iterations);
    Console.WriteLine("server start-up output:\n" + server.StartupOutput);

    var clock = Stopwatch.StartNew();
    TimeSpan duration = TimeSpan.FromSeconds(options.DurationSeconds);
    bool ShouldStop() => clock.Elapsed >= duration || tally.Responses >= options.MaxRequests;

    Task[] clients = Enumerable.Range(0, options.Clients)
        .Select(_ => Task.Run(() => workload.RunClientAsync(ShouldStop)))
        .ToArray();

    // Halfway through: SIGKILL, then start a new process on the same port and folder.
    await Task.Delay(duration / 2);
    workload.IsServerDown = true;
    TimeSpan killedAt = clock.Elapsed;
    await server.KillAsync();
    server.Dispose();
    server = null;
    server = await ServerProcess.StartAsync(
        options.ServerPath, port, dataDirectory, secret, options.Pbkdf2Iterations);
    TimeSpan servingAgainAt = clock.Elapsed;
    workload.IsServerDown = false;
    Console.WriteLine(
        $"killed the server with SIGKILL at {killedAt.TotalSeconds:F1} s; serving again at "
            + $"{servingAgainAt.TotalSeconds:F1} s. Restart output:\n" + server.StartupOutput);

    await Task.WhenAll(clients);
    TimeSpan loadTime = clock.Elapsed;

    (int loggedIn, int lost, int notChecked) = await CheckUsersAsync(workload, options.Clients);
    int acknowledged = workload.GetAcknowledgedUsers().Length;
    PrintReport(tally, loadTime, acknowledged, loggedIn, lost, notChecked);
    return lost == 0 && notChecked == 0 ? 0 : 1;
}
finally
{
    server?.Dispose();
    try
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
    catch (DirectoryNotFoundException)
    {
        // The server never started, so it created no folder.
    }
}

// Logs in as every acknowledged user, retrying responses that mean "try later" (429, 503) and
// connection failures up to five times. A 404 means the server lost the user. The check stops
// after five minutes, and users not reached by then count as not checked.
static async Task<(int LoggedIn, int Lost, int NotChecked)> CheckUsersAsync(
    Workload workload,
    int parallelism)
{
    string[] users = workload.GetAcknowledgedUsers();
    int loggedIn = 0;
    int lost = 0;
    using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    var parallelOptions = new ParallelOptions
    {
        MaxDegreeOfParallelism = parallelism,
        CancellationToken = deadline.Token,
    };
    try
    {
        await Parallel.ForEachAsync(users, parallelOptions, CheckUserAsync);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("the login check ran out of time");
    }

    int notChecked = users.Length - loggedIn - lost;
    return (loggedIn, lost, notChecked);

    async ValueTask CheckUserAsync(string userName, CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            HttpStatusCode? status = null;
            try
            {
                status = await workload.LoginAsync(userName);
            }
            catch (Exception exception) when (exception is HttpRequestException
                or TaskCanceledException)
            {
                // Retried below like a 503.
            }

            if (status == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref loggedIn);
                return;
            }

            if (status == HttpStatusCode.NotFound)
            {
                Interlocked.Increment(ref lost);
                Console.WriteLine($"lost: {userName}");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }

        Console.WriteLine($"not checked after five attempts: {userName}");
    }
}

static void PrintReport(
    Tally tally,
    TimeSpan loadTime,
    int acknowledged,
    int loggedIn,
    int lost,
    int notChecked)
{
    double perSecond = tally.Responses / loadTime.TotalSeconds;
    Console.WriteLine($"requests served: {tally.Responses} in {loadTime.TotalSeconds:F1} s "
        + $"({perSecond:F0} per second)");
    Console.WriteLine("responses by request kind and outcome:");
    foreach (string line in tally.FormatLines())
    {
        Console.WriteLine(line);
    }

    Console.WriteLine("errors by kind:");
    Console.WriteLine($"  unexpected responses:                   {tally.Unexpected,9}");
    Console.WriteLine($"  503 responses (load shed):              {tally.Shed,9}");
    Console.WriteLine(
        $"  connection failures, server up:         {tally.ConnectionFailuresWhileUp,9}");
    Console.WriteLine(
        $"  connection failures, during restart:    {tally.ConnectionFailuresWhileDown,9}");
    Console.WriteLine($"users registered (201): {acknowledged}, logged in after the run: "
        + $"{loggedIn}, not checked: {notChecked}");
    Console.WriteLine($"users lost: {lost}");
}
