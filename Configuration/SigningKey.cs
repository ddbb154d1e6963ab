using System;
using System.Buffers.Text;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace TinyJwt.Configuration;

/// <summary>Resolver of the HMAC key from the configured secret sources.</summary>
public static class SigningKey
{
    /// <summary>Minimum HS256 key length in bytes, the hash size (RFC 7518 §3.2).</summary>
    public const int MinimumLength = TinyJwt.Crypto.Hs256.MinimumKeyLength;

    /// <summary>
    /// Resolves the key: the <c>--secret-file</c> text wins over TINYJWT_SECRET, as flags win
    /// over variables elsewhere; without either, a secret is read from or created in the data
    /// folder, or generated for this run only when users are kept in memory.
    /// </summary>
    /// <returns>The key bytes, and a description of their source without the key.</returns>
    /// <exception cref="ConfigurationException">The secret is unreadable or too short.</exception>
    public static (byte[] Key, string Source) Resolve(ServerOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);

        string secretText;
        string source;
        bool fromDataDirectory = false;
        if (options.SecretFilePath is not null)
        {
            secretText = SecretFile.ReadSecretText(options.SecretFilePath);
            source = $"--secret-file {options.SecretFilePath}";
        }
        else if (options.SecretText is not null)
        {
            secretText = options.SecretText;
            source = "TINYJWT_SECRET";
        }
        else if (options.InMemory)
        {
            secretText = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            source = "a random secret for this run only (--in-memory)";
        }
        else
        {
            secretText = SecretFile.LoadOrCreate(options.DataDirectory, log);
            source = Path.Combine(options.DataDirectory, SecretFile.FileName);
            fromDataDirectory = true;
        }

        // PyJWT turns a str key into its UTF-8 bytes, so the same text gives the same key.
        byte[] key = Encoding.UTF8.GetBytes(secretText);
        if (key.Length < MinimumLength)
        {
            string problem = $"The secret from {source} is {key.Length} bytes long; HS256 needs "
                + $"at least {MinimumLength} bytes (RFC 7518 section 3.2).";
            if (fromDataDirectory)
            {
                // The server generates this file, so a short one is most likely damaged.
                throw new DataDirectoryException(
                    $"{problem} Delete {source} and start again to generate a new secret; "
                    + "tokens signed with the old secret will no longer verify.");
            }

            throw new ConfigurationException($"{problem} Use 32 or more random characters.");
        }

        return (key, source);
    }
}
