using System;
using System.Collections.Generic;
using System.Text;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

/// <summary>Published test vectors, each case named after the RFC section it comes from.</summary>
public class RfcVectorTests
{
    // RFC 7515 Appendix A.1: an HS256 JWS with its JWK key, signing input and signature.
    private const string A1EncodedHeader = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9";
    private const string A1EncodedPayload =
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ij"
        + "p0cnVlfQ";
    private const string A1Key =
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    private const string A1Signature = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string A1Token = A1EncodedHeader + "." + A1EncodedPayload + "." + A1Signature;

    // The A.1 claims set exp to 1300819380, which is 2011-03-22T18:43:00Z.
    private const long A1Expiration = 1_300_819_380;

    private static IEnumerable<TestCaseData> Base64UrlVectors()
    {
        // RFC 4648 §10, with '=' padding removed as base64url in JWS requires (RFC 7515 §2).
        yield return Base64Case("RFC 4648 §10 empty", "", "");
        yield return Base64Case("RFC 4648 §10 f", "f"u8.ToArray(), "Zg");
        yield return Base64Case("RFC 4648 §10 fo", "fo"u8.ToArray(), "Zm8");
        yield return Base64Case("RFC 4648 §10 foo", "foo"u8.ToArray(), "Zm9v");
        yield return Base64Case("RFC 4648 §10 foob", "foob"u8.ToArray(), "Zm9vYg");
        yield return Base64Case("RFC 4648 §10 fooba", "fooba"u8.ToArray(), "Zm9vYmE");
        yield return Base64Case("RFC 4648 §10 foobar", "foobar"u8.ToArray(), "Zm9vYmFy");

        // RFC 4648 §5: values 62 and 63 are '-' and '_' where standard base64 has '+' and '/'.
        yield return Base64Case("RFC 4648 §5 dash underscore", [0xFB, 0xFF], "-_8");
        yield return Base64Case("RFC 4648 §5 dash", [0xFB], "-w");
        yield return Base64Case("RFC 4648 §5 underscores", [0xFF, 0xFF, 0xFF], "____");
        yield return Base64Case("RFC 4648 §5 dashes", [0xFB, 0xEF, 0xBE], "----");
    }

    private static TestCaseData Base64Case(string name, byte[] data, string encoded)
    {
        return new TestCaseData(data, encoded).SetName(name);
    }

    private static TestCaseData Base64Case(string name, string data, string encoded)
    {
        return Base64Case(name, Encoding.ASCII.GetBytes(data), encoded);
    }

    private static IEnumerable<TestCaseData> HmacSha256Vectors()
    {
        // RFC 4231 §4.2 to §4.8. Case 5 (§4.6) publishes only the first 128 bits of the output,
        // so the test compares that many bytes.
        yield return HmacCase("RFC 4231 §4.2 case 1", Repeat(0x0B, 20), "Hi There"u8.ToArray(),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        yield return HmacCase("RFC 4231 §4.3 case 2", "Jefe"u8.ToArray(),
            "what do ya want for nothing?"u8.ToArray(),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        yield return HmacCase("RFC 4231 §4.4 case 3", Repeat(0xAA, 20), Repeat(0xDD, 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        yield return HmacCase("RFC 4231 §4.5 case 4", Sequence(1, 25), Repeat(0xCD, 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        yield return HmacCase("RFC 4231 §4.6 case 5 truncated", Repeat(0x0C, 20),
            "Test With Truncation"u8.ToArray(), "a3b6167473100ee06e0c796c2955552b");
        yield return HmacCase("RFC 4231 §4.7 case 6", Repeat(0xAA, 131),
            "Test Using Larger Than Block-Size Key - Hash Key First"u8.ToArray(),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        yield return HmacCase("RFC 4231 §4.8 case 7", Repeat(0xAA, 131),
            Encoding.ASCII.GetBytes(
                "This is a test using a larger than block-size key and a larger than block-size "
                + "data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    private static TestCaseData HmacCase(string name, byte[] key, byte[] data, string expectedHex)
    {
        return new TestCaseData(key, data, expectedHex).SetName(name);
    }

    private static IEnumerable<TestCaseData> Pbkdf2Vectors()
    {
        // RFC 7914 §11 lists 64-byte outputs of PBKDF2-HMAC-SHA256.
        yield return new TestCaseData("passwd", "salt", 1,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
            .SetName("RFC 7914 §11 passwd salt 1 iteration");
        yield return new TestCaseData("Password", "NaCl", 80_000,
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
            + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
            .SetName("RFC 7914 §11 Password NaCl 80000 iterations");
    }

    [TestCaseSource(nameof(Base64UrlVectors))]
    public void Base64Url_RfcVector_EncodesAndDecodes(byte[] data, string encoded)
    {
        string actualEncoded = Base64Url.Encode(data);
        bool decoded = Base64Url.TryDecode(encoded, out byte[]? actualData);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(actualEncoded, Is.EqualTo(encoded));
            Assert.That(decoded, Is.True);
            Assert.That(actualData, Is.EqualTo(data));
        }
    }

    [TestCaseSource(nameof(HmacSha256Vectors))]
    public void Hs256_RfcVector_ComputesHmac(byte[] key, byte[] data, string expectedHex)
    {
        byte[] signature = Hs256.ComputeSignature(key, data);

        string actualHex = Convert.ToHexStringLower(signature, 0, expectedHex.Length / 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(signature, Has.Length.EqualTo(Hs256.SignatureLength));
            Assert.That(actualHex, Is.EqualTo(expectedHex));
        }
    }

    [TestCaseSource(nameof(HmacSha256Vectors))]
    public void Hs256Signer_RfcVectorTwice_ComputesHmac(
        byte[] key,
        byte[] data,
        string expectedHex)
    {
        var signer = new Hs256Signer(key);
        byte[] first = new byte[Hs256.SignatureLength];
        byte[] second = new byte[Hs256.SignatureLength];

        signer.ComputeSignature(data, first);
        signer.ComputeSignature(data, second);

        // The second call shows that the reset after the first left the context keyed.
        string firstHex = Convert.ToHexStringLower(first, 0, expectedHex.Length / 2);
        string secondHex = Convert.ToHexStringLower(second, 0, expectedHex.Length / 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstHex, Is.EqualTo(expectedHex));
            Assert.That(secondHex, Is.EqualTo(expectedHex));
        }
    }

    [TestCaseSource(nameof(Pbkdf2Vectors))]
    public void Pbkdf2_RfcVector_DerivesKey(
        string password,
        string salt,
        int iterations,
        string expectedHex)
    {
        byte[] derived = PasswordHasher.DeriveKey(
            password, Encoding.ASCII.GetBytes(salt), iterations, expectedHex.Length / 2);

        Assert.That(Convert.ToHexStringLower(derived), Is.EqualTo(expectedHex));
    }

    [Test]
    public void Hs256_Rfc7515A1_ProducesPublishedSignature()
    {
        Assert.That(Base64Url.TryDecode(A1Key, out byte[]? key), Is.True);
        byte[] signingInput = Encoding.ASCII.GetBytes(A1EncodedHeader + "." + A1EncodedPayload);

        byte[] signature = Hs256.ComputeSignature(key!, signingInput);

        Assert.That(Base64Url.Encode(signature), Is.EqualTo(A1Signature));
    }

    [Test]
    public void Verify_Rfc7515A1Today_FailsOnSubject()
    {
        var steps = new RecordingObserver();
        TokenVerifier verifier = CreateA1Verifier(TestTokens.Now);

        TokenVerificationResult result = verifier.Verify(A1Token, steps);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Passed(VerificationStep.CompareSignature), Is.True);
            Assert.That(steps.Passed(VerificationStep.CheckTimeClaims), Is.True);
            Assert.That(
                steps.Value(VerificationStep.CheckTimeClaims, "exp"),
                Is.EqualTo("1300819380"));
            Assert.That(A1Expiration, Is.LessThanOrEqualTo(TestTokens.Now), "A.1 expired in 2011");

            // Both expiry and the missing sub are wrong; the other failure wins over expiry.
            Assert.That(result.Failure, Is.EqualTo(TokenFailure.MissingSubject));
        }
    }

    [Test]
    public void Verify_Rfc7515A1Before2011_FailsOnlyOnSubject()
    {
        // One second before exp, the token has not expired, so the missing sub is the one reason.
        var steps = new RecordingObserver();
        TokenVerifier verifier = CreateA1Verifier(A1Expiration - 1);

        TokenVerificationResult result = verifier.Verify(A1Token, steps);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Passed(VerificationStep.CompareSignature), Is.True);
            Assert.That(result.Failure, Is.EqualTo(TokenFailure.MissingSubject));
            Assert.That(result.Subject, Is.Null);
        }
    }

    private static TokenVerifier CreateA1Verifier(long now)
    {
        Assert.That(Base64Url.TryDecode(A1Key, out byte[]? key), Is.True);
        return new TokenVerifier(key!, new FixedTimeProvider(now));
    }

    private static byte[] Repeat(byte value, int count)
    {
        byte[] bytes = new byte[count];
        Array.Fill(bytes, value);
        return bytes;
    }

    private static byte[] Sequence(int first, int last)
    {
        byte[] bytes = new byte[last - first + 1];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(first + i);
        }

        return bytes;
    }
}
