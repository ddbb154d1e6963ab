using System;
using System.Text;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

public class TokenIssuerTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Test]
    public void Issue_Romel_MatchesPyJwtBytes()
    {
        // The claims PyJWT writes for {"sub": "Romel", "iat": Now, "exp": Now + 3600}: json.dumps
        // with separators (",", ":"), keys in insertion order, and a header with sorted keys.
        // The whole token below is what PyJWT 2.6.0 (jwt.encode) returned for the same key.
        const string expectedClaims = "{\"sub\":\"Romel\",\"iat\":1700000000,\"exp\":1700003600}";
        const string expectedToken =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJSb21lbCIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwfQ"
            + "._gmGqqud-TSI1Z6IGzfn1IQ00sQWQGTZztdEJg7B4-A";
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, OneHour);

        string token = issuer.Issue("Romel");

        string[] segments = token.Split('.');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Decode(segments[0]), Is.EqualTo(TestTokens.Header));
            Assert.That(Decode(segments[1]), Is.EqualTo(expectedClaims));
            Assert.That(token, Is.EqualTo(expectedToken));
        }
    }

    [Test]
    public void Issue_EscapedSubject_MatchesPyJwtBytes()
    {
        // Python's json.dumps with ensure_ascii escapes quote, backslash, the five short control
        // escapes, other control characters and DEL as \u00xx, and every non-ASCII character as
        // lowercase \uxxxx, astral ones as a surrogate pair. '/' stays as it is. PyJWT 2.6.0
        // returned this token for the same claims and key.
        const string subject = "Zoë \"q\" \\ \n\t\b\f\r\u0001\u007f é😀 ~/";
        const string expectedClaims =
            "{\"sub\":\"Zo\\u00eb \\\"q\\\" \\\\ \\n\\t\\b\\f\\r\\u0001\\u007f \\u00e9"
            + "\\ud83d\\ude00 ~/\",\"iat\":1700000000,\"exp\":1700003600}";
        const string expectedToken =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJab1x1MDBlYiBcInFcIiBcXCBcblx0XGJcZlxyXHUwMDAxXHUwMDdmIFx1MDBl"
            + "OVx1ZDgzZFx1ZGUwMCB-LyIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwfQ"
            + ".RXKKNu0cnBZyQ-smCcY89zece3IXnRzfY0wwbNgLpoo";
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, OneHour);

        string token = issuer.Issue(subject);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Decode(token.Split('.')[1]), Is.EqualTo(expectedClaims));
            Assert.That(token, Is.EqualTo(expectedToken));
        }
    }

    [Test]
    public void Issue_EscapedSubject_VerifiesToSameSubject()
    {
        const string subject = "Zoë \"q\" \\ \n\u0001 é😀";
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, OneHour);

        TokenVerificationResult result = TestTokens.CreateVerifier().Verify(issuer.Issue(subject));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.True, result.Description);
            Assert.That(result.Subject, Is.EqualTo(subject));
        }
    }

    [Test]
    public void Issue_FractionalLifetime_DropsFraction()
    {
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, TimeSpan.FromSeconds(90.9));

        string claims = Decode(issuer.Issue("Romel").Split('.')[1]);

        Assert.That(
            claims,
            Does.EndWith("\"exp\":" + TestTokens.Format(TestTokens.Now + 90) + "}"));
    }

    [Test]
    public void Issue_UnpairedSurrogate_Throws()
    {
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, OneHour);

        Assert.That(() => issuer.Issue("a\ud800b"), Throws.ArgumentException);
    }

    [Test]
    public void Issue_EmptySubject_Throws()
    {
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, OneHour);

        Assert.That(() => issuer.Issue(string.Empty), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_ShortKey_Throws()
    {
        byte[] key = new byte[Hs256.MinimumKeyLength - 1];

        Assert.That(
            () => new TokenIssuer(key, TestTokens.Clock, OneHour),
            Throws.ArgumentException.With.Message.Contains("31 bytes"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Constructor_LifetimeNotPositive_Throws(int seconds)
    {
        TimeSpan lifetime = TimeSpan.FromSeconds(seconds);

        Assert.That(
            () => new TokenIssuer(TestTokens.Key, TestTokens.Clock, lifetime),
            Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void Constructor_LifetimeOverMax_Throws()
    {
        TimeSpan lifetime = TokenIssuer.MaxLifetime + TimeSpan.FromSeconds(1);

        Assert.That(
            () => new TokenIssuer(TestTokens.Key, TestTokens.Clock, lifetime),
            Throws.InstanceOf<ArgumentException>());
    }

    private static string Decode(string segment)
    {
        Assert.That(Base64Url.TryDecode(segment, out byte[]? bytes), Is.True);
        return Encoding.UTF8.GetString(bytes!);
    }
}
