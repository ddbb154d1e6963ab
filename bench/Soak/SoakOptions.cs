using System;
using System.Globalization;
using System.IO;

namespace TinyJwt.Soak;

/// <summary>Command-line settings of one soak run, each checked against a fixed bound.</summary>
internal sealed class SoakOptions
{
    public const string Usage =
        """
        Usage: Soak --server PATH [options]

          --server PATH              TinyJwt.dll to run with `dotnet` (required)
          --duration SECONDS         length of the mixed load, 10 to 600 (default 60)
          --clients N                concurrent clients, 1 to 64 (default 8)
          --max-requests N           stop the load after N requests, 1 to 10000000
                                     (default 1000000)
          --pbkdf2-iterations N      server's PBKDF2 iterations, 1000 to 600000
                                     (default 10000)

        The server runs on 127.0.0.1 with a new data folder under the temp folder, which is
        deleted at the end. It is killed with SIGKILL halfway through and started again.

        """;

    public string ServerPath { get; private set; } = string.Empty;

    public int DurationSeconds { get; private set; } = 60;

    public int Clients { get; private set; } = 8;

    public long MaxRequests { get; private set; } = 1_000_000;

    public int Pbkdf2Iterations { get; private set; } = 10_000;

    /// <summary>Parses the arguments, or returns null and an error message.</summary>
    public static SoakOptions? Parse(string[] args, out string? error)
    {
        var options = new SoakOptions();
        for (int i = 0; i < args.Length; i += 2)
        {
            string name = args[i];
            if (i + 1 >= args.Length)
            {
                error = $"Option {name} needs a value.";
                return null;
            }

            string value = args[i + 1];
            error = options.Set(name, value);
            if (error is not null)
            {
                return null;
            }
        }

        if (!File.Exists(options.ServerPath))
        {
            error = $"--server must name the built TinyJwt.dll; '{options.ServerPath}' not found.";
            return null;
        }

        error = null;
        return options;
    }

    // Sets one option and returns null, or returns what is wrong with the value.
    private string? Set(string name, string value)
    {
        long number;
        string? error;
        switch (name)
        {
            case "--server":
                ServerPath = value;
                return null;
            case "--duration":
                if (!TryParseInRange(name, value, 10, 600, out number, out error))
                {
                    return error;
                }

                DurationSeconds = (int)number;
                return null;
            case "--clients":
                if (!TryParseInRange(name, value, 1, 64, out number, out error))
                {
                    return error;
                }

                Clients = (int)number;
                return null;
            case "--max-requests":
                if (!TryParseInRange(name, value, 1, 10_000_000, out number, out error))
                {
                    return error;
                }

                MaxRequests = number;
                return null;
            case "--pbkdf2-iterations":
                if (!TryParseInRange(name, value, 1000, 600_000, out number, out error))
                {
                    return error;
                }

                Pbkdf2Iterations = (int)number;
                return null;
            default:
                return $"Unknown option '{name}'.";
        }
    }

    private static bool TryParseInRange(
        string name,
        string value,
        long minimum,
        long maximum,
        out long result,
        out string? error)
    {
        bool parsed =
            long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);
        if (!parsed || result < minimum || result > maximum)
        {
            error = $"{name} must be a whole number from {minimum} to {maximum}; got '{value}'.";
            return false;
        }

        error = null;
        return true;
    }
}
