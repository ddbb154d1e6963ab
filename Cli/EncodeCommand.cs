using System;
using System.Globalization;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// <c>tinyjwt encode --sub NAME</c>: issues a token with the server's issuer and key rules.
/// </summary>
internal static class EncodeCommand
{
    public const string Usage =
        "Usage: tinyjwt encode --sub NAME [--exp SECONDS] [--now TIME] [key option]\n" +
        "\n" +
        "Prints a token signed with HS256, with the claims sub, iat and exp, as the server\n" +
        "issues at login. The key must be at least 32 bytes (RFC 7518 §3.2), as for the\n" +
        "server.\n" +
        "\n" +
        "Options:\n" +
        "  --sub NAME             The sub claim: the user name the token is for.\n" +
        "  --exp SECONDS          Lifetime in seconds, so exp = iat + SECONDS (default 3600).\n" +
        "  --now TIME             Issue at TIME, a NumericDate or a UTC ISO 8601 time, in\n" +
        "                         place of the system clock.\n" +
        KeyOptions.Help;

    private const string SubOption = "--sub";
    private const string ExpOption = "--exp";
    private const long DefaultLifetimeSeconds = 3600;

    // The verifier rejects a time claim after 9999-12-31T23:59:59Z.
    private const long MaxNumericDate = 253402300799;

    public static int Run(string[] args, CommandContext context)
    {
        string[] valueOptions =
            [.. KeyOptions.Names, SubOption, ExpOption, TokenOptions.NowOption];
        ParsedArguments arguments = ParsedArguments.Parse(args, valueOptions, []);
        if (arguments.WantsHelp)
        {
            context.Output.Write(Usage);
            return CommandLine.ExitOk;
        }

        arguments.RequireNoPositionals();
        string subject = arguments.GetValue(SubOption)
            ?? throw new UsageException($"missing {SubOption} NAME.");
        if (subject.Length == 0)
        {
            throw new UsageException($"{SubOption} must not be empty.");
        }

        TimeProvider clock = TokenOptions.ReadClock(arguments, context);
        long lifetime = ReadLifetime(arguments.GetValue(ExpOption));
        long now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (lifetime > MaxNumericDate - now)
        {
            throw new UsageException(
                $"{ExpOption} {lifetime} puts exp after 9999-12-31T23:59:59Z.");
        }

        HmacKey key = ReadKey(arguments, context);
        var issuer = new TokenIssuer(key.Bytes, clock, TimeSpan.FromSeconds(lifetime));
        context.Output.WriteLine(issuer.Issue(subject));
        return CommandLine.ExitOk;
    }

    private static long ReadLifetime(string? text)
    {
        if (text is null)
        {
            return DefaultLifetimeSeconds;
        }

        bool parsed = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture,
            out long seconds);
        if (!parsed || seconds <= 0)
        {
            throw new UsageException(
                $"{ExpOption} '{text}' is not a positive whole number of seconds.");
        }

        return seconds;
    }

    private static HmacKey ReadKey(ParsedArguments arguments, CommandContext context)
    {
        HmacKey key = KeyOptions.Read(arguments, context)
            ?? throw new UsageException(
                "no key given; pass --secret-file, --secret, --key-base64url or --data, or " +
                "set TINYJWT_SECRET.");
        if (key.IsShort)
        {
            throw new UsageException(
                $"the key from {key.Source} is {key.Bytes.Length} bytes, but HS256 requires " +
                $"at least {Hs256.MinimumKeyLength} bytes (RFC 7518 §3.2), and the server " +
                "rejects shorter keys too.");
        }

        return key;
    }
}
