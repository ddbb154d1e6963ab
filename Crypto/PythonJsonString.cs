using System;
using System.Text;

namespace TinyJwt.Crypto;

/// <summary>Writes a JSON string the way Python's json.dumps does with ensure_ascii on.</summary>
/// <remarks>
/// PyJWT serializes claims with json.dumps, whose default ensure_ascii escapes every character
/// outside space to '~'. Writing the same bytes makes a TinyJwt token identical to PyJWT's for
/// the same claims and key. The rules: \" and \\; \b \f \n \r \t; every other character below
/// U+0020 or above U+007E as \u followed by four lowercase hex digits, with a character beyond
/// U+FFFF written as its UTF-16 surrogate pair.
/// </remarks>
internal static class PythonJsonString
{
    /// <summary>Appends the quoted, escaped string to the builder.</summary>
    /// <exception cref="ArgumentException">The value has an unpaired surrogate.</exception>
    public static void Append(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            CheckSurrogate(value, i);
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    AppendPlainOrEscaped(builder, c);
                    break;
            }
        }

        builder.Append('"');
    }

    private static void AppendPlainOrEscaped(StringBuilder builder, char c)
    {
        if (c >= ' ' && c <= '~')
        {
            builder.Append(c);
            return;
        }

        builder.Append("\\u");
        builder.Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
    }

    // A lone surrogate is not a Unicode character; a verifier could not read it back.
    private static void CheckSurrogate(string value, int index)
    {
        char c = value[index];
        bool isPaired = char.IsHighSurrogate(c)
            ? index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            : !char.IsLowSurrogate(c) || (index > 0 && char.IsHighSurrogate(value[index - 1]));
        if (!isPaired)
        {
            throw new ArgumentException(
                $"The string has an unpaired surrogate at index {index}.", nameof(value));
        }
    }
}
