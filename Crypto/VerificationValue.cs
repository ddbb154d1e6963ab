using System;

namespace TinyJwt.Crypto;

/// <summary>A named value that a verification step looked at: text, a number or bytes.</summary>
public sealed class VerificationValue
{
    private VerificationValue(string name, string? text, long? number, byte[]? bytes)
    {
        Name = name;
        Text = text;
        Number = number;
        Bytes = bytes;
    }

    /// <summary>Gets the value's name, such as "alg" or "computed HMAC".</summary>
    public string Name { get; }

    /// <summary>Gets the text, set for text values such as decoded JSON.</summary>
    public string? Text { get; }

    /// <summary>Gets the number, set for counts, lengths and NumericDate seconds.</summary>
    public long? Number { get; }

    /// <summary>Gets the bytes, set for signatures and HMAC outputs.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Creates a text value.</summary>
    public static VerificationValue FromText(string name, string text)
    {
        return new VerificationValue(name, text, null, null);
    }

    /// <summary>Creates a number value.</summary>
    public static VerificationValue FromNumber(string name, long number)
    {
        return new VerificationValue(name, null, number, null);
    }

    /// <summary>Creates a bytes value from a copy of the given bytes.</summary>
    public static VerificationValue FromBytes(string name, ReadOnlySpan<byte> bytes)
    {
        return new VerificationValue(name, null, null, bytes.ToArray());
    }

    /// <summary>Formats the value as "name: value", with bytes in lowercase hexadecimal.</summary>
    public override string ToString()
    {
        string value;
        if (Bytes is not null)
        {
            value = Convert.ToHexStringLower(Bytes);
        }
        else if (Number is not null)
        {
            value = Number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            value = Text ?? string.Empty;
        }

        return $"{Name}: {value}";
    }
}
