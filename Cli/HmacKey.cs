using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>An HMAC key read from the command line, with where it came from.</summary>
internal sealed class HmacKey
{
    public HmacKey(byte[] bytes, string source)
    {
        Bytes = bytes;
        Source = source;
    }

    public byte[] Bytes { get; }

    /// <summary>The option, variable or file the key came from, never the key itself.</summary>
    public string Source { get; }

    /// <summary>True for a key under 32 bytes, the HS256 minimum (RFC 7518 §3.2).</summary>
    public bool IsShort => Bytes.Length < Hs256.MinimumKeyLength;
}
