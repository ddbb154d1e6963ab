using System;
using System.Collections.Generic;
using System.Text;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

/// <summary>
/// Tokens built to break exactly one verification rule. Where the rule is about contents, the
/// token carries a valid signature under the right key, so only that rule can reject it.
/// </summary>
[Category("Security")]
public class TokenAttackTests
{
    private const string Header = TestTokens.Header;
    private static readonly string s_now = TestTokens.Format(TestTokens.Now);

    private static IEnumerable<TestCaseData> SignedAttacks()
    {
        // alg: only the exact string "HS256" is accepted (RFC 8725 §3.1).
        foreach (string none in new[] { "none", "None", "NONE", "nOnE" })
        {
            yield return Signed($"alg {none}", $"{{\"alg\":\"{none}\",\"typ\":\"JWT\"}}",
                TestTokens.Claims(), TokenFailure.UnsupportedAlgorithm);
        }

        yield return Signed("alg HS512", "{\"alg\":\"HS512\"}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);
        yield return Signed("alg RS256", "{\"alg\":\"RS256\"}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);
        yield return Signed("alg lowercase", "{\"alg\":\"hs256\"}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);
        yield return Signed("alg trailing space", "{\"alg\":\"HS256 \"}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);
        yield return Signed("alg missing", "{\"typ\":\"JWT\"}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);
        yield return Signed("alg number", "{\"alg\":256}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);
        yield return Signed("alg array", "{\"alg\":[\"HS256\"]}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);
        yield return Signed("alg null", "{\"alg\":null}", TestTokens.Claims(),
            TokenFailure.UnsupportedAlgorithm);

        // Header parameters this verifier does not understand (RFC 7515 §4.1.11, RFC 7797).
        yield return Signed("crit", "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}",
            TestTokens.Claims(), TokenFailure.CriticalHeader);
        yield return Signed("b64 false", "{\"alg\":\"HS256\",\"b64\":false}", TestTokens.Claims(),
            TokenFailure.CriticalHeader);
        yield return Signed("kid number", "{\"alg\":\"HS256\",\"kid\":1}", TestTokens.Claims(),
            TokenFailure.InvalidKeyId);
        yield return Signed("kid object", "{\"alg\":\"HS256\",\"kid\":{}}", TestTokens.Claims(),
            TokenFailure.InvalidKeyId);

        // Header and claims must each be one JSON object with unique member names.
        yield return Signed("header array", "[\"HS256\"]", TestTokens.Claims(),
            TokenFailure.InvalidHeader);
        yield return Signed("header string", "\"HS256\"", TestTokens.Claims(),
            TokenFailure.InvalidHeader);
        yield return Signed("header trailing data", Header + "x", TestTokens.Claims(),
            TokenFailure.InvalidHeader);
        yield return Signed("header two objects", Header + "{}", TestTokens.Claims(),
            TokenFailure.InvalidHeader);
        yield return Signed("header trailing comma", "{\"alg\":\"HS256\",}", TestTokens.Claims(),
            TokenFailure.InvalidHeader);
        yield return Signed("header comment", "{\"alg\":\"HS256\"/**/}", TestTokens.Claims(),
            TokenFailure.InvalidHeader);
        yield return Signed("header duplicate alg", "{\"alg\":\"none\",\"alg\":\"HS256\"}",
            TestTokens.Claims(), TokenFailure.DuplicateMember);
        yield return Signed(
            "header escaped duplicate alg",
            "{\"alg\":\"HS256\",\"\\u0061lg\":\"none\"}",
            TestTokens.Claims(),
            TokenFailure.DuplicateMember);
        yield return Signed("claims array", Header, "[]", TokenFailure.InvalidClaims);
        yield return Signed("claims empty", Header, "", TokenFailure.InvalidClaims);
        yield return Signed(
            "claims truncated",
            Header,
            "{\"sub\":\"Romel\"",
            TokenFailure.InvalidClaims);
        yield return Signed("claims unpaired surrogate", Header,
            TestTokens.Claims(",\"x\":\"\\ud800\""), TokenFailure.InvalidClaims);
        yield return Signed("claims too deep", Header,
            TestTokens.Claims(",\"x\":" + new string('[', 70) + new string(']', 70)),
            TokenFailure.InvalidClaims);
        yield return Signed("duplicate exp", Header,
            TestTokens.Claims(",\"exp\":" + TestTokens.Format(TestTokens.Now + 7200)),
            TokenFailure.DuplicateMember);
        yield return Signed("escaped duplicate exp", Header,
            TestTokens.Claims(",\"\\u0065xp\":" + TestTokens.Format(TestTokens.Now + 7200)),
            TokenFailure.DuplicateMember);
        yield return Signed("nested duplicate", Header,
            TestTokens.Claims(",\"x\":{\"a\":1,\"a\":2}"), TokenFailure.DuplicateMember);

        // exp is required; exp, nbf and iat are JSON numbers from 0 to 253402300799.
        string noExp = "{\"sub\":\"Romel\",\"iat\":" + s_now + "}";
        yield return Signed("exp missing", Header, noExp, TokenFailure.MissingExpiration);
        yield return Signed("exp string", Header, Replace("exp", "\"1700003600\""),
            TokenFailure.InvalidTimeClaim);
        yield return Signed(
            "exp true",
            Header,
            Replace("exp", "true"),
            TokenFailure.InvalidTimeClaim);
        yield return Signed(
            "exp null",
            Header,
            Replace("exp", "null"),
            TokenFailure.InvalidTimeClaim);
        yield return Signed(
            "exp object",
            Header,
            Replace("exp", "{}"),
            TokenFailure.InvalidTimeClaim);
        yield return Signed("exp past year 9999", Header, Replace("exp", "253402300800"),
            TokenFailure.InvalidTimeClaim);
        yield return Signed(
            "exp 1e400",
            Header,
            Replace("exp", "1e400"),
            TokenFailure.InvalidTimeClaim);
        yield return Signed(
            "exp negative",
            Header,
            Replace("exp", "-1"),
            TokenFailure.InvalidTimeClaim);
        yield return Signed("nbf string", Header, TestTokens.Claims(",\"nbf\":\"0\""),
            TokenFailure.InvalidTimeClaim);
        yield return Signed(
            "iat false",
            Header,
            Replace("iat", "false"),
            TokenFailure.InvalidTimeClaim);

        // Time windows, no leeway.
        string future = TestTokens.Format(TestTokens.Now + 1);
        yield return Signed("nbf in future", Header, TestTokens.Claims(",\"nbf\":" + future),
            TokenFailure.NotYetValid);
        yield return Signed("iat in future", Header, Replace("iat", future),
            TokenFailure.IssuedInFuture);
        yield return Signed("exp exactly now", Header, Replace("exp", s_now), TokenFailure.Expired);
        yield return Signed("exp fraction within this second", Header,
            Replace("exp", s_now + ".5"), TokenFailure.Expired);

        // aud makes the token for someone else; sub must be a non-empty string.
        yield return Signed("aud string", Header, TestTokens.Claims(",\"aud\":\"api\""),
            TokenFailure.AudienceNotAccepted);
        yield return Signed("aud array", Header, TestTokens.Claims(",\"aud\":[]"),
            TokenFailure.AudienceNotAccepted);
        string inAnHour = TestTokens.Format(TestTokens.Now + 3600);
        string noSub = "{\"iat\":" + s_now + ",\"exp\":" + inAnHour + "}";
        yield return Signed("sub missing", Header, noSub, TokenFailure.MissingSubject);
        yield return Signed(
            "sub empty",
            Header,
            Replace("sub", "\"\""),
            TokenFailure.MissingSubject);
        yield return Signed(
            "sub number",
            Header,
            Replace("sub", "42"),
            TokenFailure.MissingSubject);
        yield return Signed(
            "sub null",
            Header,
            Replace("sub", "null"),
            TokenFailure.MissingSubject);

        // An expired token that is also broken reports the other failure.
        string expiredNoSub = "{\"exp\":" + TestTokens.Format(TestTokens.Now - 10) + "}";
        yield return Signed(
            "expired and sub missing",
            Header,
            expiredNoSub,
            TokenFailure.MissingSubject);
        yield return Signed("expired and aud", Header,
            Replace("exp", TestTokens.Format(TestTokens.Now - 10)).Replace("}", ",\"aud\":\"x\"}"),
            TokenFailure.AudienceNotAccepted);
        yield return Signed("expired and not yet valid", Header,
            Replace("exp", TestTokens.Format(TestTokens.Now - 10))
                .Replace("}", ",\"nbf\":" + future + "}"),
            TokenFailure.NotYetValid);
    }

    private static IEnumerable<TestCaseData> ByteAttacks()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] header = Encoding.UTF8.GetBytes(Header);
        byte[] claims = Encoding.UTF8.GetBytes(TestTokens.Claims());
        yield return Bytes("header BOM", [.. bom, .. header], claims, TokenFailure.InvalidHeader);
        yield return Bytes("claims BOM", header, [.. bom, .. claims], TokenFailure.InvalidClaims);

        // 0xC3 starts a two-byte sequence; 0x28 cannot continue it.
        byte[] badUtf8 = Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"x\":\"\u00e9\"}");
        badUtf8[^4] = 0x28;
        yield return Bytes("header invalid UTF-8", badUtf8, claims, TokenFailure.InvalidHeader);
        byte[] badClaims = Encoding.UTF8.GetBytes(TestTokens.Claims(",\"x\":\"\u00e9\""));
        badClaims[^3] = 0x28;
        yield return Bytes("claims invalid UTF-8", header, badClaims, TokenFailure.InvalidClaims);
        byte[] overlong = Encoding.UTF8.GetBytes(TestTokens.Claims(",\"x\":\"??\""));
        overlong[^4] = 0xC0;
        overlong[^3] = 0xAF;
        yield return Bytes("claims overlong UTF-8", header, overlong, TokenFailure.InvalidClaims);
    }

    [TestCaseSource(nameof(SignedAttacks))]
    [TestCaseSource(nameof(ByteAttacks))]
    public void Verify_SignedAttack_FailsWithReason(string token, TokenFailure expected)
    {
        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Is.EqualTo(expected), result.Description);
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Subject, Is.Null);
        }
    }

    private static IEnumerable<TestCaseData> SerializationAttacks()
    {
        string token = TestTokens.Sign(Header, TestTokens.Claims());
        string[] parts = token.Split('.');

        yield return Case("empty token", "", TokenFailure.WrongSegmentCount);
        yield return Case("one segment", parts[0], TokenFailure.WrongSegmentCount);
        yield return Case(
            "two segments",
            parts[0] + "." + parts[1],
            TokenFailure.WrongSegmentCount);
        yield return Case("four segments", token + "." + parts[2], TokenFailure.WrongSegmentCount);
        yield return Case("four segments empty last", token + ".", TokenFailure.WrongSegmentCount);
        yield return Case("only dots", "..", TokenFailure.InvalidHeader);
        yield return Case(
            "empty header",
            "." + parts[1] + "." + parts[2],
            TokenFailure.InvalidHeader);
        yield return Case("empty signature", parts[0] + "." + parts[1] + ".",
            TokenFailure.SignatureMismatch);
        yield return Case("signature of other key", parts[0] + "." + parts[1] + "."
            + Base64Url.Encode(Hs256.ComputeSignature(new byte[32], Encoding.ASCII.GetBytes(
                parts[0] + "." + parts[1]))), TokenFailure.SignatureMismatch);
        yield return Case("signature one byte short", token[..^2], TokenFailure.SignatureMismatch);
        yield return Case("header padded", parts[0] + "=." + parts[1] + "." + parts[2],
            TokenFailure.InvalidBase64Url);
        yield return Case("header with space", " " + token, TokenFailure.InvalidBase64Url);
        yield return Case("signature padded", token + "=", TokenFailure.SignatureMismatch);
        yield return Case("signature non-canonical last char", ChangeUnusedBits(token),
            TokenFailure.InvalidBase64Url);
        yield return Case("payload non-ASCII", parts[0] + ".é" + parts[1] + "." + parts[2],
            TokenFailure.InvalidBase64Url);

        // A changed payload under the old signature: the "alg" of the claims is the same, only
        // sub differs.
        string forgedClaims = TestTokens.Claims().Replace("Romel", "admin");
        string forged = Base64Url.Encode(Encoding.UTF8.GetBytes(forgedClaims));
        yield return Case("changed payload old signature", parts[0] + "." + forged + "." + parts[2],
            TokenFailure.SignatureMismatch);

        // alg none with the empty signature RFC 7519 §6.1 gives unsecured JWTs.
        string noneHeader = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\"}"));
        yield return Case("alg none unsigned", noneHeader + "." + parts[1] + ".",
            TokenFailure.UnsupportedAlgorithm);

        yield return Case("over max length",
            TestTokens.Sign(Header, TestTokens.Claims(",\"pad\":\"" + Pad(6200) + "\"")),
            TokenFailure.TooLong);
    }

    [TestCaseSource(nameof(SerializationAttacks))]
    public void Verify_SerializationAttack_FailsWithReason(string token, TokenFailure expected)
    {
        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        Assert.That(result.Failure, Is.EqualTo(expected), result.Description);
    }

    [Test]
    public void Verify_PlusSlashInPayload_Rejected()
    {
        // Find claims whose base64url has '-' or '_', then swap in the standard base64 '+' or '/'
        // and sign that text, so only the alphabet rule is broken.
        string encodedPayload = EncodedClaimsWithUrlCharacters();
        string standardPayload = encodedPayload.Replace('-', '+').Replace('_', '/');
        string encodedHeader = Base64Url.Encode(Encoding.UTF8.GetBytes(Header));
        string token = TestTokens.SignSigningInput(encodedHeader + "." + standardPayload);

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        Assert.That(result.Failure, Is.EqualTo(TokenFailure.InvalidBase64Url));
    }

    [Test]
    public void Verify_PaddedPayloadSigned_Rejected()
    {
        string encodedHeader = Base64Url.Encode(Encoding.UTF8.GetBytes(Header));
        string encodedPayload = PaddedClaims();
        string token = TestTokens.SignSigningInput(encodedHeader + "." + encodedPayload);

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        Assert.That(result.Failure, Is.EqualTo(TokenFailure.InvalidBase64Url));
    }

    [Test]
    public void Verify_ExpOneSecondAhead_Valid()
    {
        string inOneSecond = TestTokens.Format(TestTokens.Now + 1);
        string token = TestTokens.Sign(Header, Replace("exp", inOneSecond));

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        Assert.That(result.IsValid, Is.True, result.Description);
    }

    [Test]
    public void Verify_TokenOfExactlyMaxLength_Valid()
    {
        // Each added pad character adds 1 or 2 characters to the token. The loop stops at the
        // first token of 8192 characters or more, and the assert checks it hit 8192 exactly.
        string token = string.Empty;
        for (int pad = 6000; token.Length < TokenVerifier.MaxTokenLength; pad++)
        {
            string claims = TestTokens.Claims(",\"pad\":\"" + Pad(pad) + "\"");
            token = TestTokens.Sign(Header, claims);
        }

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Has.Length.EqualTo(TokenVerifier.MaxTokenLength));
            Assert.That(result.IsValid, Is.True, result.Description);
        }
    }

    private static string Replace(string claim, string json)
    {
        string claims = TestTokens.Claims();
        int nameStart = claims.IndexOf("\"" + claim + "\":", StringComparison.Ordinal);
        int valueStart = nameStart + claim.Length + 3;
        int valueEnd = claims.IndexOfAny([',', '}'], valueStart);
        return claims[..valueStart] + json + claims[valueEnd..];
    }

    private static string ChangeUnusedBits(string token)
    {
        // The last of 43 characters carries 4 bits of the signature and 2 unused bits.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.IndexOf(token[^1]);
        return token[..^1] + alphabet[last | 1];
    }

    private static string EncodedClaimsWithUrlCharacters()
    {
        // '~' (0x7E) in the third byte of a 3-byte group encodes as '-' (62), and three in a row
        // put one there whatever the offset.
        string claims = TestTokens.Claims(",\"n\":\"~~~\"");
        string encoded = Base64Url.Encode(Encoding.UTF8.GetBytes(claims));
        Assert.That(encoded, Does.Contain("-"));
        return encoded;
    }

    private static string PaddedClaims()
    {
        // Claims of 55 bytes encode to 74 characters, which standard base64 pads with "==".
        string claims = TestTokens.Claims(",\"n\":1");
        string encoded = Base64Url.Encode(Encoding.UTF8.GetBytes(claims));
        Assert.That(encoded.Length % 4, Is.Not.Zero, claims);
        return encoded + new string('=', 4 - (encoded.Length % 4));
    }

    private static TestCaseData Signed(
        string name,
        string header,
        string claims,
        TokenFailure expected)
    {
        return Case(name, TestTokens.Sign(header, claims), expected);
    }

    private static TestCaseData Bytes(
        string name,
        byte[] header,
        byte[] claims,
        TokenFailure expected)
    {
        return Case(name, TestTokens.Sign(header, claims), expected);
    }

    private static TestCaseData Case(string name, string token, TokenFailure expected)
    {
        string testName = "Verify_" + name.Replace(' ', '_') + "_Rejected";
        return new TestCaseData(token, expected).SetName(testName);
    }

    private static string Pad(int length)
    {
        return new string('x', length);
    }
}
