using System;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

public class Base64UrlTests
{
    [Test]
    public void RoundTrip_RandomBytes_MatchesBclOracle()
    {
        // System.Buffers.Text.Base64Url (BCL, .NET 9 and later) serves as an independent oracle.
        var random = new Random(20_240_601);
        for (int i = 0; i < 500; i++)
        {
            byte[] data = new byte[random.Next(0, 200)];
            random.NextBytes(data);

            string encoded = Base64Url.Encode(data);
            bool decoded = Base64Url.TryDecode(encoded, out byte[]? roundTripped);

            string oracle = System.Buffers.Text.Base64Url.EncodeToString(data);
            Assert.That(encoded, Is.EqualTo(oracle), $"encoding {data.Length} bytes");
            Assert.That(decoded, Is.True, $"decoding {encoded}");
            Assert.That(roundTripped, Is.EqualTo(data), $"round trip of {encoded}");
        }
    }

    [TestCase("Zg==", TestName = "TryDecode_Padding_Rejected")]
    [TestCase("Zg=", TestName = "TryDecode_PartialPadding_Rejected")]
    [TestCase("+w", TestName = "TryDecode_Plus_Rejected")]
    [TestCase("/w", TestName = "TryDecode_Slash_Rejected")]
    [TestCase("Zm9 v", TestName = "TryDecode_Space_Rejected")]
    [TestCase("Zm9v\n", TestName = "TryDecode_LineBreak_Rejected")]
    [TestCase("Zm9vY", TestName = "TryDecode_LengthModFourIsOne_Rejected")]
    [TestCase("Zh", TestName = "TryDecode_NonCanonicalTwoChars_Rejected")]
    [TestCase("Zm9", TestName = "TryDecode_NonCanonicalThreeChars_Rejected")]
    [TestCase("Zm8é", TestName = "TryDecode_NonAscii_Rejected")]
    [TestCase("Zm8\0", TestName = "TryDecode_NulCharacter_Rejected")]
    public void TryDecode_InvalidText_Rejected(string encoded)
    {
        bool decoded = Base64Url.TryDecode(encoded, out byte[]? bytes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.False);
            Assert.That(bytes, Is.Null);
        }
    }

    [Test]
    public void TryDecode_EveryNonCanonicalLastChar_Rejected()
    {
        // "Zg" is the one spelling of 0x66; the 15 other characters that differ from 'g' only in
        // the 4 unused low bits must each be rejected, or a changed character could still verify.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int canonical = alphabet.IndexOf('g');
        int rejected = 0;
        for (int low = 1; low < 16; low++)
        {
            string encoded = "Z" + alphabet[canonical | low];

            bool decoded = Base64Url.TryDecode(encoded, out _);

            Assert.That(decoded, Is.False, encoded);
            rejected++;
        }

        Assert.That(rejected, Is.EqualTo(15));
    }

    [Test]
    public void TryDecode_SpanTooShort_ReturnsFalse()
    {
        Span<byte> destination = stackalloc byte[2];

        bool decoded = Base64Url.TryDecode("Zm9v", destination, out int written);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.False);
            Assert.That(written, Is.Zero);
        }
    }

    [Test]
    public void Encode_SpanTooShort_Throws()
    {
        char[] destination = new char[3];

        Assert.That(() => Base64Url.Encode("foo"u8, destination), Throws.ArgumentException);
    }

    [TestCase(0, 0)]
    [TestCase(1, 2)]
    [TestCase(2, 3)]
    [TestCase(3, 4)]
    [TestCase(32, 43)]
    public void GetEncodedLength_ByteCount_OmitsPadding(int byteCount, int expected)
    {
        Assert.That(Base64Url.GetEncodedLength(byteCount), Is.EqualTo(expected));
    }

    [TestCase(1, -1)]
    [TestCase(2, 1)]
    [TestCase(43, 32)]
    [TestCase(44, 33)]
    public void GetDecodedLength_EncodedLength_ReturnsByteCount(int encodedLength, int expected)
    {
        Assert.That(Base64Url.GetDecodedLength(encodedLength), Is.EqualTo(expected));
    }
}
