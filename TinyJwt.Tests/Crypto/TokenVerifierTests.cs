using System;
using System.Collections.Generic;
using System.Text;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

public class TokenVerifierTests
{
    [Test]
    public void Verify_IssuedToken_ReturnsSubject()
    {
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, TimeSpan.FromHours(1));
        string token = issuer.Issue("Romel");

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.True, result.Description);
            Assert.That(result.Failure, Is.EqualTo(TokenFailure.None));
            Assert.That(result.Subject, Is.EqualTo("Romel"));
        }
    }

    [Test]
    public void Verify_IssuedTokenAfterLifetime_ReturnsExpired()
    {
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, TimeSpan.FromHours(1));
        string token = issuer.Issue("Romel");
        var anHourLater = new FixedTimeProvider(TestTokens.Now + 3600);
        var verifier = new TokenVerifier(TestTokens.Key, anHourLater);

        TokenVerificationResult result = verifier.Verify(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Is.EqualTo(TokenFailure.Expired));
            Assert.That(result.Subject, Is.Null);
        }
    }

    [TestCase("{\"alg\":\"HS256\"}", TestName = "Verify_HeaderWithoutTyp_Valid")]
    [TestCase("{\"alg\":\"HS256\",\"kid\":\"k1\"}", TestName = "Verify_StringKid_Valid")]
    [TestCase("{\"alg\":\"HS\\u0032\\u0035\\u0036\"}", TestName = "Verify_EscapedAlg_Valid")]
    [TestCase(
        "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}",
        TestName = "Verify_WhitespaceInHeader_Valid")]
    public void Verify_AcceptedHeader_Valid(string header)
    {
        string token = TestTokens.Sign(header, TestTokens.Claims());

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        Assert.That(result.IsValid, Is.True, result.Description);
    }

    [TestCase(",\"nbf\":1700000000", TestName = "Verify_NbfExactlyNow_Valid")]
    [TestCase(
        ",\"x\":{\"a\":1},\"y\":{\"a\":2}",
        TestName = "Verify_SameNameInSiblingObjects_Valid")]
    [TestCase(",\"x\":{\"exp\":1}", TestName = "Verify_NestedExpName_Valid")]
    [TestCase(",\"iss\":\"joe\",\"jti\":\"1\"", TestName = "Verify_UnknownClaims_Valid")]
    public void Verify_AcceptedClaims_Valid(string extraMembers)
    {
        string token = TestTokens.Sign(TestTokens.Header, TestTokens.Claims(extraMembers));

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        Assert.That(result.IsValid, Is.True, result.Description);
    }

    [Test]
    public void Verify_FractionalAndExponentTimes_Valid()
    {
        // RFC 7519 §2 allows a NumericDate with a fraction; it counts in whole seconds.
        string claims =
            "{\"sub\":\"Romel\",\"iat\":1699999999.9,\"nbf\":1.7e9,\"exp\":1700000001.2}";
        string token = TestTokens.Sign(TestTokens.Header, claims);

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

        Assert.That(result.IsValid, Is.True, result.Description);
    }

    [Test]
    public void Verify_WithObserver_ReportsStepsInOrder()
    {
        var observer = new RecordingObserver();
        string token = TestTokens.Sign(TestTokens.Header, TestTokens.Claims());

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token, observer);

        var expected = (VerificationStep[])Enum.GetValues(typeof(VerificationStep));
        var actual = new List<VerificationStep>();
        foreach (VerificationStepReport report in observer.Reports)
        {
            actual.Add(report.Step);
            Assert.That(report.Passed, Is.True, report.Title);
            Assert.That(report.Source, Does.StartWith("RFC").Or.StartWith("TinyJwt"), report.Title);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(actual, Is.EqualTo(expected));
        }
    }

    [Test]
    public void Verify_WithObserver_ReportsStepValues()
    {
        var observer = new RecordingObserver();
        string token = TestTokens.Sign(TestTokens.Header, TestTokens.Claims());
        string signingInput = token[..token.LastIndexOf('.')];
        string expectedHmac = Convert.ToHexStringLower(
            Hs256.ComputeSignature(TestTokens.Key, Encoding.ASCII.GetBytes(signingInput)));

        TestTokens.CreateVerifier().Verify(token, observer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                observer.Value(VerificationStep.SplitSegments, "header length"),
                Is.EqualTo("36"));
            Assert.That(
                observer.Value(VerificationStep.ParseHeader, "header"),
                Is.EqualTo(TestTokens.Header));
            Assert.That(
                observer.Value(VerificationStep.CheckAlgorithm, "alg"),
                Is.EqualTo("\"HS256\""));
            Assert.That(
                observer.Value(VerificationStep.CheckAlgorithm, "typ"),
                Is.EqualTo("\"JWT\""));
            Assert.That(
                observer.Value(VerificationStep.CheckCritical, "crit"),
                Is.EqualTo("(missing)"));
            Assert.That(
                observer.Value(VerificationStep.BuildSigningInput, "signing input"),
                Is.EqualTo(signingInput));
            Assert.That(
                observer.Value(VerificationStep.ComputeSignature, "computed HMAC"),
                Is.EqualTo(expectedHmac));
            Assert.That(
                observer.Value(VerificationStep.CompareSignature, "token signature"),
                Is.EqualTo(expectedHmac));
            Assert.That(
                observer.Value(VerificationStep.ParseClaims, "payload"),
                Is.EqualTo(TestTokens.Claims()));
            Assert.That(
                observer.Value(VerificationStep.CheckExpiration, "exp"),
                Is.EqualTo("1700003600"));
            Assert.That(
                observer.Value(VerificationStep.CheckExpiration, "now"),
                Is.EqualTo("1700000000"));
        }
    }

    [Test]
    public void Verify_BadSignature_StopsBeforeClaims()
    {
        var observer = new RecordingObserver();
        string token = TestTokens.Sign(TestTokens.Header, TestTokens.Claims());
        string tampered = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(tampered, observer);

        VerificationStepReport last = observer.Reports[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Is.EqualTo(TokenFailure.SignatureMismatch));
            Assert.That(last.Step, Is.EqualTo(VerificationStep.CompareSignature));
            Assert.That(last.Passed, Is.False);
            Assert.That(last.Failure, Is.EqualTo(TokenFailure.SignatureMismatch));
            Assert.That(observer.Find(VerificationStep.DecodeClaims), Is.Null);
        }
    }

    [Test]
    public void ForInspection_NullKey_StopsWithNoKey()
    {
        var observer = new RecordingObserver();
        string token = TestTokens.Sign(TestTokens.Header, TestTokens.Claims());
        TokenVerifier verifier = TokenVerifier.ForInspection(null, TestTokens.Clock);

        TokenVerificationResult result = verifier.Verify(token, observer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Is.EqualTo(TokenFailure.NoKey));
            Assert.That(observer.Reports[^1].Step, Is.EqualTo(VerificationStep.ComputeSignature));
            Assert.That(observer.Passed(VerificationStep.BuildSigningInput), Is.True);
        }
    }

    [Test]
    public void ForInspection_ShortKey_VerifiesWithIt()
    {
        byte[] shortKey = "short"u8.ToArray();
        string signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(TestTokens.Header)) + "."
            + Base64Url.Encode(Encoding.UTF8.GetBytes(TestTokens.Claims()));
        byte[] signature = Hs256.ComputeSignature(shortKey, Encoding.ASCII.GetBytes(signingInput));
        string token = signingInput + "." + Base64Url.Encode(signature);

        TokenVerifier verifier = TokenVerifier.ForInspection(shortKey, TestTokens.Clock);
        TokenVerificationResult result = verifier.Verify(token);

        Assert.That(result.Subject, Is.EqualTo("Romel"));
    }

    [Test]
    public void Constructor_ShortKey_Throws()
    {
        byte[] key = new byte[Hs256.MinimumKeyLength - 1];

        Assert.That(() => new TokenVerifier(key, TestTokens.Clock), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_KeyChangedAfterwards_KeepsOriginalKey()
    {
        byte[] key = (byte[])TestTokens.Key.Clone();
        var verifier = new TokenVerifier(key, TestTokens.Clock);
        string token = TestTokens.Sign(TestTokens.Header, TestTokens.Claims());

        Array.Clear(key);

        Assert.That(verifier.Verify(token).IsValid, Is.True);
    }

    [Test]
    public void Result_Default_IsNotValid()
    {
        TokenVerificationResult result = default;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Description, Is.Not.Empty);
        }
    }

    [Test]
    public void Result_Description_NeverContainsTokenContent()
    {
        string header = "{\"alg\":\"secret-alg-value\"}";
        string claims = TestTokens.Claims(",\"aud\":\"secret-aud-value\"");
        string[] tokens =
        [
            TestTokens.Sign(header, claims),
            TestTokens.Sign(TestTokens.Header, claims),
        ];

        foreach (string token in tokens)
        {
            TokenVerificationResult result = TestTokens.CreateVerifier().Verify(token);

            Assert.That(result.Description, Does.Not.Contain("secret"));
            Assert.That(result.Description, Does.Not.Contain(token.Split('.')[2]));
        }
    }

    [Test]
    public void TryDecode_ValidToken_ReturnsSegmentsUnverified()
    {
        string token = TestTokens.Sign(TestTokens.Header, TestTokens.Claims());
        string forged = token[..^4] + "AAAA";

        bool decoded = UnverifiedToken.TryDecode(
            forged, out UnverifiedToken? parts, out TokenFailure failure);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.True);
            Assert.That(failure, Is.EqualTo(TokenFailure.None));
            Assert.That(parts!.HeaderText, Is.EqualTo(TestTokens.Header));
            Assert.That(parts.PayloadText, Is.EqualTo(TestTokens.Claims()));
            Assert.That(parts.Signature, Has.Length.EqualTo(32));
        }
    }

    [TestCase("a.b", TokenFailure.WrongSegmentCount)]
    [TestCase("a=.b.c", TokenFailure.InvalidBase64Url)]
    public void TryDecode_BrokenToken_ReturnsFailure(string token, TokenFailure expected)
    {
        bool decoded = UnverifiedToken.TryDecode(
            token, out UnverifiedToken? parts, out TokenFailure failure);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.False);
            Assert.That(parts, Is.Null);
            Assert.That(failure, Is.EqualTo(expected));
        }
    }
}
