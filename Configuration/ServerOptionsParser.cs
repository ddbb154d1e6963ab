using System;
using System.Collections.Generic;
using System.Globalization;
using TinyJwt.Crypto;

namespace TinyJwt.Configuration;

/// <summary>Parser of the serve command's flags and TINYJWT_* environment variables.</summary>
public static class ServerOptionsParser
{
    // A token outliving a year is a configuration mistake, and the cap keeps exp far below the
    // largest NumericDate the verifier accepts (9999-12-31T23:59:59Z).
    private const int MaxTokenLifetimeSeconds = 365 * 24 * 3600;

    private const int MaxIterations = PasswordHasher.MaxIterations;

    /// <summary>Usage text of the serve command.</summary>
    public const string Usage =
        """
        Usage: tinyjwt [serve] [options]

        Options (a flag wins over its environment variable):
          --host HOST              Host to serve (TINYJWT_HOST, default localhost). localhost and
                                   127.0.0.1 serve loopback under both names; 0.0.0.0, + or *
                                   serve every IPv4 interface. IPv6 addresses are not supported.
          --port PORT              TCP port, 1-65535 (TINYJWT_PORT, default 5000).
          --data DIR               Folder for users and the generated secret
                                   (TINYJWT_DATA, default ./data).
          --token-lifetime SEC     Token lifetime in seconds, 1-31536000
                                   (TINYJWT_TOKEN_LIFETIME, default 3600).
          --pbkdf2-iterations N    PBKDF2 iterations for new password hashes
                                   (TINYJWT_PBKDF2_ITERATIONS, default 600000).
          --secret-file FILE       File whose text, without one trailing newline, is the HMAC
                                   secret. Wins over TINYJWT_SECRET. Without either, a secret is
                                   generated in DIR/secret.key and kept.
          --in-memory              Keep users in memory only, with a secret for this run only.
          -h, --help               Print this text.

        The secret must be at least 32 bytes of UTF-8 text (HS256, RFC 7518 section 3.2).

        """;

    /// <summary>
    /// Parses the arguments and variables; throws <see cref="ConfigurationException"/> naming
    /// the flag or variable and the expected form.
    /// </summary>
    public static ServerOptions Parse(string[] args, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);

        ServerOptions options = ApplyEnvironment(new ServerOptions(), getEnvironmentVariable);

        // A flag given twice is a mistake, such as a pasted command line with an old value, so
        // it is rejected instead of letting the last value win silently.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string flag = args[i];
            string? inlineValue = null;
            int equals = flag.IndexOf('=');
            if (flag.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = flag[(equals + 1)..];
                flag = flag[..equals];
            }

            string canonicalFlag = flag == "-h" ? "--help" : flag;
            if (!seen.Add(canonicalFlag))
            {
                throw new ConfigurationException($"{flag} is given more than once; give it once.");
            }

            switch (flag)
            {
                case "-h":
                case "--help":
                    options = options with { ShowHelp = true };
                    break;
                case "--in-memory":
                    if (inlineValue is not null)
                    {
                        throw new ConfigurationException("--in-memory takes no value.");
                    }

                    options = options with { InMemory = true };
                    break;
                default:
                    string value = inlineValue ?? TakeValue(args, ref i, flag);
                    options = ApplySetting(options, flag, value);
                    break;
            }
        }

        return options;
    }

    private static ServerOptions ApplyEnvironment(
        ServerOptions options,
        Func<string, string?> getEnvironmentVariable)
    {
        (string Variable, string Flag)[] pairs =
        [
            ("TINYJWT_HOST", "--host"),
            ("TINYJWT_PORT", "--port"),
            ("TINYJWT_DATA", "--data"),
            ("TINYJWT_TOKEN_LIFETIME", "--token-lifetime"),
            ("TINYJWT_PBKDF2_ITERATIONS", "--pbkdf2-iterations"),
        ];
        foreach ((string variable, string flag) in pairs)
        {
            string? value = getEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(value))
            {
                options = ApplySetting(options, flag, value, variable);
            }
        }

        string? secret = getEnvironmentVariable("TINYJWT_SECRET");
        if (!string.IsNullOrEmpty(secret))
        {
            options = options with { SecretText = secret };
        }

        return options;
    }

    private static string TakeValue(string[] args, ref int i, string flag)
    {
        bool known = flag is "--host" or "--port" or "--data" or "--token-lifetime"
            or "--pbkdf2-iterations" or "--secret-file";
        if (!known)
        {
            throw new ConfigurationException(
                $"Unknown option '{flag}'. Run 'tinyjwt serve --help' for the list.");
        }

        if (i + 1 >= args.Length)
        {
            throw new ConfigurationException($"{flag} needs a value.");
        }

        i++;
        return args[i];
    }

    // `source` names what the user set: the flag, or the environment variable behind it.
    private static ServerOptions ApplySetting(
        ServerOptions options,
        string flag,
        string value,
        string? source = null)
    {
        string name = source ?? flag;
        switch (flag)
        {
            case "--host":
                return options with { Host = ParseHost(name, value) };
            case "--port":
                return options with { Port = ParseInteger(name, value, 1, 65535) };
            case "--data":
                return options with { DataDirectory = ParseNonEmpty(name, value, "a folder path") };
            case "--token-lifetime":
                int seconds = ParseInteger(name, value, 1, MaxTokenLifetimeSeconds);
                return options with { TokenLifetime = TimeSpan.FromSeconds(seconds) };
            case "--pbkdf2-iterations":
                int iterations = ParseInteger(name, value, 1, MaxIterations);
                return options with { Pbkdf2Iterations = iterations };
            case "--secret-file":
                return options with { SecretFilePath = ParseNonEmpty(name, value, "a file path") };
            default:
                throw new ConfigurationException(
                    $"Unknown option '{flag}'. Run 'tinyjwt serve --help' for the list.");
        }
    }

    private static int ParseInteger(string name, string value, int minimum, int maximum)
    {
        bool parsed = int.TryParse(
            value,
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out int result);
        if (!parsed || result < minimum || result > maximum)
        {
            throw new ConfigurationException(
                $"Invalid {name} '{value}': expected a whole number from {minimum} to {maximum}.");
        }

        return result;
    }

    private static string ParseNonEmpty(string name, string value, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException($"Invalid {name}: expected {expected}, got nothing.");
        }

        return value;
    }

    private static string ParseHost(string name, string value)
    {
        // HttpListener's prefix parser splits at the first colon, so an IPv6 literal such as
        // [::1] fails at start with "Invalid port in prefix" (observed on .NET 10, Linux).
        if (value.Contains(':') || value.Contains('['))
        {
            throw new ConfigurationException(
                $"Invalid {name} '{value}': IPv6 addresses cannot be served by HttpListener; "
                + "use localhost, 127.0.0.1, 0.0.0.0 or a host name.");
        }

        foreach (char character in value)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '+' or '*'))
            {
                throw new ConfigurationException(
                    $"Invalid {name} '{value}': expected a host name or IPv4 address.");
            }
        }

        return ParseNonEmpty(name, value, "a host name or IPv4 address");
    }
}
