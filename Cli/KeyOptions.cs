using System;
using System.IO;
using System.Text;
using TinyJwt.Configuration;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// Reads the HMAC key from the key options or from <c>TINYJWT_SECRET</c>. An option wins over
/// the environment variable, and at most one key option may be given.
/// </summary>
internal static class KeyOptions
{
    public const string SecretOption = "--secret";
    public const string SecretFileOption = "--secret-file";
    public const string KeyBase64UrlOption = "--key-base64url";
    public const string DataOption = "--data";
    public const string SecretVariable = "TINYJWT_SECRET";

    public static readonly string[] Names =
        [SecretOption, SecretFileOption, KeyBase64UrlOption, DataOption];

    public const string Help =
        """
          --secret TEXT          Key as text; the key is its UTF-8 bytes. Other local users can
                                 read command lines, so prefer --secret-file.
          --secret-file FILE     Key as the text of FILE without one trailing line break, the
                                 way the server reads it.
          --key-base64url VALUE  Key as raw bytes written in base64url, such as a JWK "k" value.
          --data DIR             Key from DIR/secret.key, the file the server generates.
          TINYJWT_SECRET         Environment variable read as --secret when no key option
                                 is given.

        """;

    /// <summary>
    /// Returns the key named on the command line or in the environment, or null when there is
    /// none. Throws <see cref="UsageException"/> for two key options or an unreadable key.
    /// </summary>
    public static HmacKey? Read(ParsedArguments arguments, CommandContext context)
    {
        string? chosen = null;
        foreach (string name in Names)
        {
            if (arguments.GetValue(name) is null)
            {
                continue;
            }

            if (chosen is not null)
            {
                throw new UsageException($"give one key option, not both {chosen} and {name}.");
            }

            chosen = name;
        }

        if (chosen is null)
        {
            string? variable = context.GetEnvironmentVariable(SecretVariable);
            if (string.IsNullOrEmpty(variable))
            {
                return null;
            }

            return new HmacKey(Encoding.UTF8.GetBytes(variable), SecretVariable);
        }

        // The option was found in the loop above, so its value is not null.
        string value = arguments.GetValue(chosen)!;
        return chosen switch
        {
            SecretOption => new HmacKey(Encoding.UTF8.GetBytes(value), SecretOption),
            SecretFileOption => FromFile(value, $"{SecretFileOption} {value}"),
            KeyBase64UrlOption => FromBase64Url(value),
            _ => FromDataDirectory(value),
        };
    }

    /// <summary>
    /// Writes the warning for a key under 32 bytes, which HS256 forbids (RFC 7518 §3.2) and the
    /// server rejects at start.
    /// </summary>
    public static void WarnIfShort(HmacKey key, TextWriter writer, Palette palette)
    {
        if (!key.IsShort)
        {
            return;
        }

        string warning =
            $"warning: the key is {key.Bytes.Length} bytes ({key.Bytes.Length * 8} bits), but " +
            $"HS256 requires at least {Hs256.MinimumKeyLength} bytes (256 bits) by " +
            "RFC 7518 §3.2. It is used here, but the server rejects it at start.";
        writer.WriteLine(palette.Warn(warning));
    }

    private static HmacKey FromFile(string path, string source)
    {
        try
        {
            string text = SecretFile.ReadSecretText(path);
            return new HmacKey(Encoding.UTF8.GetBytes(text), source);
        }
        catch (ConfigurationException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    private static HmacKey FromBase64Url(string value)
    {
        if (!Base64Url.TryDecode(value, out byte[]? bytes))
        {
            throw new UsageException(
                $"{KeyBase64UrlOption} is not valid base64url: use A-Z a-z 0-9 - _ without '=' " +
                "padding (RFC 4648 §5).");
        }

        return new HmacKey(bytes, KeyBase64UrlOption);
    }

    private static HmacKey FromDataDirectory(string directory)
    {
        string path = Path.Combine(directory, SecretFile.FileName);
        if (!File.Exists(path))
        {
            throw new UsageException(
                $"{path} does not exist; start the server once with --data {directory} to " +
                $"generate it, or pass {SecretFileOption}.");
        }

        return FromFile(path, path);
    }
}
