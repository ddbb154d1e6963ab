using System;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// The options shared by the commands that check a token: the key options and <c>--now</c>.
/// </summary>
internal static class TokenOptions
{
    public const string NowOption = "--now";

    public const string NowHelp =
        """
          --now TIME             Check the time claims against TIME, a NumericDate such as
                                 1731545843 or a UTC ISO 8601 time such as 2024-11-14T00:57:23Z,
                                 in place of the system clock.

        """;

    /// <summary>Returns the clock given with <c>--now</c>, or the context's clock.</summary>
    public static TimeProvider ReadClock(ParsedArguments arguments, CommandContext context)
    {
        string? now = arguments.GetValue(NowOption);
        if (now is null)
        {
            return context.TimeProvider;
        }

        if (!TimeText.TryParseNow(now, out long numericDate))
        {
            throw new UsageException(
                $"{NowOption} '{now}' is not a NumericDate from 0 to 253402300799 (such as " +
                "1731545843) or an ISO 8601 time from 1970 to 9999 (such as " +
                "2024-11-14T00:57:23Z).");
        }

        return new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(numericDate));
    }

    /// <summary>
    /// Creates the server's verifier for a key of 32 bytes or more. A shorter key, or none, gets
    /// the inspection verifier, which runs the same steps.
    /// </summary>
    public static TokenVerifier CreateVerifier(HmacKey? key, TimeProvider clock)
    {
        if (key is null || key.IsShort)
        {
            return TokenVerifier.ForInspection(key?.Bytes, clock);
        }

        return new TokenVerifier(key.Bytes, clock);
    }
}
