using System;
using System.Buffers.Text;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace TinyJwt.Configuration;

/// <summary>Loader for the HMAC secret, kept as text in a file.</summary>
/// <remarks>
/// The key is the UTF-8 bytes of the text, which is how PyJWT treats a <c>str</c> key, so a token
/// signed by TinyJwt verifies in PyJWT given the same text and the other way round.
/// </remarks>
public static class SecretFile
{
    /// <summary>File name of the generated secret inside the data folder.</summary>
    public const string FileName = "secret.key";

    /// <summary>Number of random bytes in a generated secret: 256 bits (RFC 7518 §3.2).</summary>
    public const int GeneratedKeyBytes = 32;

    // A secret file is one short line of text, so a larger file is a wrong path, not a key.
    private const int MaxFileBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the secret text from a file, removing one trailing "\n" or "\r\n".
    /// </summary>
    /// <exception cref="ConfigurationException">
    /// The file is missing, unreadable, too large, not UTF-8, or starts with a byte-order mark.
    /// </exception>
    public static string ReadSecretText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // Opening a directory fails with "Access to the path is denied", which hides the mistake.
        if (Directory.Exists(path))
        {
            throw new ConfigurationException(
                $"Secret file '{path}' is a directory; name the file that contains the secret.");
        }

        byte[] bytes = ReadAllBytes(path);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            // A byte-order mark would silently become part of the key and break interoperability.
            throw new ConfigurationException(
                $"Secret file '{path}' starts with a UTF-8 byte-order mark; save it without one.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ConfigurationException($"Secret file '{path}' is not valid UTF-8 text.");
        }

        return RemoveOneLineEnding(text);
    }

    /// <summary>
    /// Reads <c>secret.key</c> in the data folder, or creates it with 32 random bytes written
    /// as base64url and owner-only permissions.
    /// </summary>
    /// <exception cref="DataDirectoryException">
    /// The folder or the file cannot be created or read, or the path is a directory.
    /// </exception>
    public static string LoadOrCreate(string dataDirectory, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(log);

        string path = Path.Combine(dataDirectory, FileName);
        if (Directory.Exists(path))
        {
            throw new DataDirectoryException(
                $"'{path}' is a directory, not a secret file; move it away so that a new "
                + "secret can be generated there.");
        }

        if (File.Exists(path))
        {
            WarnIfReadableByOthers(path, log);
            return ReadDataSecret(path);
        }

        CreateDataDirectory(dataDirectory);
        byte[] keyBytes = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        string secretText = Base64Url.EncodeToString(keyBytes);
        CryptographicOperations.ZeroMemory(keyBytes);
        if (!TryCreate(path, secretText))
        {
            // Another process created the file after the existence check, so use its key.
            return ReadDataSecret(path);
        }

        log($"Generated a new secret key in {path} (owner-only permissions).");
        return secretText;
    }

    private static byte[] ReadAllBytes(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxFileBytes)
            {
                throw new ConfigurationException(
                    $"Secret file '{path}' is larger than {MaxFileBytes} bytes; "
                    + "it should contain one line of text.");
            }

            byte[] bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                $"Cannot read secret file '{path}': {exception.Message}", exception);
        }
    }

    private static string RemoveOneLineEnding(string text)
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

    // Returns false when the file already exists.
    private static bool TryCreate(string path, string secretText)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            byte[] bytes = Encoding.UTF8.GetBytes(secretText + "\n");
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DataDirectoryException(
                $"Cannot create secret file '{path}': {exception.Message}", exception);
        }
    }

    private static void CreateDataDirectory(string dataDirectory)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dataDirectory);
            }
            else
            {
                // The folder contains the secret and the users log, so a new one is owner-only.
                Directory.CreateDirectory(
                    dataDirectory,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DataDirectoryException(
                $"Cannot create data folder '{dataDirectory}': {exception.Message}", exception);
        }
    }

    // The generated secret is part of the data folder, so a problem with it stops the start
    // like any other data folder problem.
    private static string ReadDataSecret(string path)
    {
        try
        {
            return ReadSecretText(path);
        }
        catch (ConfigurationException exception)
        {
            throw new DataDirectoryException(exception.Message, exception);
        }
    }

    private static void WarnIfReadableByOthers(string path, Action<string> log)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if ((File.GetUnixFileMode(path) & others) != 0)
        {
            log($"Warning: secret file {path} can be read or written by other users; "
                + "run 'chmod 600' on it.");
        }
    }
}
