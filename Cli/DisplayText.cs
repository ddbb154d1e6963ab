using System.Globalization;
using System.Text;

namespace TinyJwt.Cli;

/// <summary>
/// Makes text taken from a token safe to print on a terminal.
/// </summary>
/// <remarks>
/// A token is untrusted input: a raw ESC character in its JSON could drive the terminal, and
/// bidirectional controls could reorder the displayed text. Both are shown escaped, and so are
/// line breaks and tabs, so that the text stays on one line.
/// </remarks>
internal static class DisplayText
{
    /// <summary>Escapes control and bidirectional characters as \r, \n, \t or \uXXXX.</summary>
    public static string Escape(string text)
    {
        int first = FirstUnsafeIndex(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char character = text[i];
            if (character == '\r')
            {
                builder.Append("\\r");
            }
            else if (character == '\n')
            {
                builder.Append("\\n");
            }
            else if (character == '\t')
            {
                builder.Append("\\t");
            }
            else if (IsUnsafe(character))
            {
                builder.Append("\\u");
                builder.Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static int FirstUnsafeIndex(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char character)
    {
        if (char.IsControl(character))
        {
            return true;
        }

        // Unicode bidirectional formatting characters (Unicode Standard Annex #9).
        return character is '\u061c' or '\u200e' or '\u200f'
            or (>= '\u202a' and <= '\u202e')
            or (>= '\u2066' and <= '\u2069');
    }
}
