using System;

namespace TinyJwt.Http;

/// <summary>Check of the request's <c>Content-Type</c> header against JSON in UTF-8.</summary>
internal static class ContentType
{
    /// <summary>
    /// Returns null for <c>application/json</c>, with or without <c>charset=utf-8</c>, and
    /// otherwise the message of the 415 answer.
    /// </summary>
    /// <remarks>
    /// Media types and the charset value are case-insensitive (RFC 9110 §8.3.1). JSON exchanged
    /// between systems must be UTF-8 (RFC 8259 §8.1), so any other charset is rejected.
    /// </remarks>
    public static string? FindProblem(string? headerValue)
    {
        const string Expected = "Content-Type must be application/json";
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return Expected + "; the request has none";
        }

        string[] parts = headerValue.Split(';');
        string mediaType = parts[0].Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Expected;
        }

        for (int i = 1; i < parts.Length; i++)
        {
            string parameter = parts[i].Trim();
            int equals = parameter.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            string name = parameter[..equals].Trim();
            string value = parameter[(equals + 1)..].Trim().Trim('"');
            bool isCharset = name.Equals("charset", StringComparison.OrdinalIgnoreCase);
            if (isCharset && !value.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return "JSON must be sent as UTF-8; use charset=utf-8 or no charset";
            }
        }

        return null;
    }
}
