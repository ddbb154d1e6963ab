using System;

namespace TinyJwt.Crypto;

/// <summary>Reads and writes the fields of a stored password hash.</summary>
internal static class StoredHashFormat
{
    /// <summary>Encodes bytes as standard base64 (RFC 4648 §4) without '=' padding.</summary>
    public static string EncodeBase64(ReadOnlySpan<byte> data)
    {
        return Convert.ToBase64String(data).TrimEnd('=');
    }

    /// <summary>
    /// Parses "PREFIX{iterations}${salt}${hash}" strictly: a decimal count from 1 to
    /// PasswordHasher.MaxIterations without leading zeros, a 16-byte salt and a 32-byte hash in
    /// canonical unpadded standard base64.
    /// </summary>
    public static bool TryParse(string? storedHash, string prefix, out StoredPasswordHash parsed)
    {
        parsed = default;
        if (storedHash is null || !storedHash.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = storedHash.AsSpan(prefix.Length);
        int firstDollar = rest.IndexOf('$');
        if (firstDollar < 0)
        {
            return false;
        }

        ReadOnlySpan<char> iterationsText = rest[..firstDollar];
        rest = rest[(firstDollar + 1)..];
        int secondDollar = rest.IndexOf('$');
        if (secondDollar < 0)
        {
            return false;
        }

        ReadOnlySpan<char> saltText = rest[..secondDollar];
        ReadOnlySpan<char> hashText = rest[(secondDollar + 1)..];
        if (!TryParseIterations(iterationsText, out int iterations)
            || !TryDecodeBase64(saltText, PasswordHasher.SaltLength, out byte[]? salt)
            || !TryDecodeBase64(hashText, PasswordHasher.HashLength, out byte[]? hash))
        {
            return false;
        }

        parsed = new StoredPasswordHash(iterations, salt, hash);
        return true;
    }

    private static bool TryParseIterations(ReadOnlySpan<char> text, out int iterations)
    {
        iterations = 0;

        // At most 7 digits (MaxIterations is 6 000 000), no sign, no leading zero: one spelling.
        if (text.IsEmpty || text.Length > 7 || text[0] == '0')
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            iterations = (iterations * 10) + (c - '0');
        }

        return iterations <= PasswordHasher.MaxIterations;
    }

    // Standard base64 shares 62 characters with base64url and differs in '+' and '/', so swapping
    // those lets the strict base64url decoder check the text: no padding and a canonical last
    // character.
    private static bool TryDecodeBase64(
        ReadOnlySpan<char> text,
        int expectedLength,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length != Base64Url.GetEncodedLength(expectedLength)
            || text.IndexOfAny('-', '_') >= 0)
        {
            return false;
        }

        Span<char> urlText = stackalloc char[text.Length];
        text.CopyTo(urlText);
        urlText.Replace('+', '-');
        urlText.Replace('/', '_');
        return Base64Url.TryDecode(urlText, out bytes);
    }
}
