using System;
using System.IO;
using System.Text;

namespace TinyJwt.Cli;

/// <summary>
/// Reads a password from standard input: the whole input without one trailing line break, or
/// one line typed without echo when the input is a terminal.
/// </summary>
internal static class PasswordInput
{
    // The server accepts passwords of 8 to 1024 characters (NIST SP 800-63B).
    public const int MinLength = 8;
    public const int MaxLength = 1024;

    /// <summary>
    /// Returns the password; throws <see cref="UsageException"/> when the input is empty or
    /// longer than <see cref="MaxLength"/> characters.
    /// </summary>
    public static string Read(CommandContext context)
    {
        string password = context.InputIsTerminal
            ? ReadFromTerminal(context.Error)
            : ReadFromStream(context.Input);
        if (password.Length == 0)
        {
            throw new UsageException(
                "no password on standard input; pipe it in, for example " +
                "'printf %s \"$PASSWORD\" | tinyjwt hash-password'.");
        }

        return password;
    }

    private static string ReadFromStream(TextReader input)
    {
        // Room for one character more than a password and "\r\n", to detect a longer input.
        char[] buffer = new char[MaxLength + 3];
        int count = 0;
        while (count < buffer.Length)
        {
            int read = input.Read(buffer, count, buffer.Length - count);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        string text = new string(buffer, 0, count);
        Array.Clear(buffer);
        text = RemoveOneLineBreak(text);
        if (text.Length > MaxLength)
        {
            throw new UsageException(
                $"the password is longer than {MaxLength} characters, the server's maximum.");
        }

        return text;
    }

    private static string ReadFromTerminal(TextWriter prompt)
    {
        prompt.Write("Password (not shown): ");
        var builder = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (builder.Length > 0)
                {
                    builder.Length--;
                }

                continue;
            }

            if (builder.Length >= MaxLength)
            {
                throw new UsageException(
                    $"the password is longer than {MaxLength} characters, the server's maximum.");
            }

            builder.Append(key.KeyChar);
        }

        prompt.WriteLine();
        return builder.ToString();
    }

    private static string RemoveOneLineBreak(string text)
    {
        if (text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            return text[..^2];
        }

        if (text.EndsWith('\n'))
        {
            return text[..^1];
        }

        return text;
    }
}
