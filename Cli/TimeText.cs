using System;
using System.Globalization;

namespace TinyJwt.Cli;

/// <summary>
/// Formats NumericDate values for people and parses the <c>--now</c> option.
/// </summary>
/// <remarks>
/// A NumericDate is the number of seconds since 1970-01-01T00:00:00Z ignoring leap seconds
/// (RFC 7519 §2).
/// </remarks>
internal static class TimeText
{
    // DateTimeOffset can represent only the years 0001 to 9999. The verifier likewise rejects
    // time claims after 253402300799 (9999-12-31T23:59:59Z).
    private const long MinSeconds = -62135596800;
    private const long MaxSeconds = 253402300799;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// Formats a NumericDate as "1731545843 = 2024-11-14T00:57:23Z (3 h ago)".
    /// </summary>
    public static string Describe(long numericDate, long now)
    {
        if (numericDate < MinSeconds || numericDate > MaxSeconds)
        {
            return string.Create(
                CultureInfo.InvariantCulture, $"{numericDate} (outside the years 0001 to 9999)");
        }

        string relative = Relative(numericDate, now);
        return string.Create(
            CultureInfo.InvariantCulture, $"{numericDate} = {ToIso(numericDate)} ({relative})");
    }

    /// <summary>Formats a NumericDate as UTC ISO 8601, for example 2024-11-14T00:57:23Z.</summary>
    public static string ToIso(long numericDate)
    {
        DateTimeOffset instant = DateTimeOffset.FromUnixTimeSeconds(numericDate);
        return instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Describes <paramref name="numericDate"/> relative to <paramref name="now"/>, such as
    /// "in 59 min", "3 h ago" or "now", rounding toward zero.
    /// </summary>
    public static string Relative(long numericDate, long now)
    {
        long delta = numericDate - now;
        if (delta == 0)
        {
            return "now";
        }

        string amount = Amount(Math.Abs(delta));
        return delta > 0 ? $"in {amount}" : $"{amount} ago";
    }

    /// <summary>
    /// Parses a <c>--now</c> value: a NumericDate such as 1731545843, or an ISO 8601 time such
    /// as 2024-11-14T00:57:23Z (no offset means UTC). The range is 0 to 253402300799, the one
    /// the verifier accepts for time claims. Fractions of a second are dropped.
    /// </summary>
    public static bool TryParseNow(string text, out long numericDate)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out numericDate))
        {
            return numericDate >= 0 && numericDate <= MaxSeconds;
        }

        DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, styles,
                out DateTimeOffset instant))
        {
            numericDate = instant.ToUnixTimeSeconds();
            return numericDate >= 0;
        }

        numericDate = 0;
        return false;
    }

    private static string Amount(long seconds)
    {
        const long Minute = 60;
        const long Hour = 60 * Minute;
        const long Day = 24 * Hour;
        const long Year = 365 * Day;

        if (seconds < Minute)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds} s");
        }

        if (seconds < Hour)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds / Minute} min");
        }

        if (seconds < 2 * Day)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds / Hour} h");
        }

        if (seconds < 2 * Year)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds / Day} days");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{seconds / Year} years");
    }
}
