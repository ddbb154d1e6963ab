using System;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

public class PasswordHasherTests
{
    // Small, so the suite stays fast; one test below uses the default count.
    private const int FewIterations = 1_000;

    [Test]
    public void Hash_DefaultIterations_VerifiesAndRecordsCount()
    {
        var hasher = new PasswordHasher(PasswordHasher.DefaultIterations);

        string stored = hasher.Hash("correct horse battery staple");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Does.StartWith("$pbkdf2-sha256$i=600000$"));
            Assert.That(hasher.Verify("correct horse battery staple", stored),
                Is.EqualTo(PasswordVerification.Match));
        }
    }

    [Test]
    public void Hash_SamePassword_GivesDifferentSalts()
    {
        var hasher = new PasswordHasher(FewIterations);

        string first = hasher.Hash("password1");
        string second = hasher.Hash("password1");

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void Hash_Output_ParsesIntoParts()
    {
        var hasher = new PasswordHasher(FewIterations);

        string stored = hasher.Hash("password1");
        bool parsed = PasswordHasher.TryParse(stored, out StoredPasswordHash parts);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(parts.Iterations, Is.EqualTo(FewIterations));
            Assert.That(parts.Salt.Length, Is.EqualTo(PasswordHasher.SaltLength));
            Assert.That(parts.Hash.Length, Is.EqualTo(PasswordHasher.HashLength));
        }
    }

    [Test]
    public void Verify_KnownHash_MatchesIndependentPbkdf2()
    {
        // Python's hashlib.pbkdf2_hmac("sha256", b"password1", bytes(range(16)), 1000) gives the
        // hash below; the salt is the bytes 0 to 15, in unpadded standard base64.
        const string stored = "$pbkdf2-sha256$i=1000$" + Salt + "$" + Hash;
        var hasher = new PasswordHasher(FewIterations);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hasher.Verify("password1", stored), Is.EqualTo(PasswordVerification.Match));
            Assert.That(
                hasher.Verify("password2", stored),
                Is.EqualTo(PasswordVerification.Mismatch));
        }
    }

    [Test]
    public void Verify_WrongPassword_ReturnsMismatch()
    {
        var hasher = new PasswordHasher(FewIterations);
        string stored = hasher.Hash("password1");

        Assert.That(hasher.Verify("Password1", stored), Is.EqualTo(PasswordVerification.Mismatch));
    }

    [Test]
    public void Verify_FewerStoredIterations_ReturnsMatchNeedsUpgrade()
    {
        string stored = new PasswordHasher(FewIterations).Hash("password1");
        var stronger = new PasswordHasher(FewIterations * 2);

        Assert.That(
            stronger.Verify("password1", stored),
            Is.EqualTo(PasswordVerification.MatchNeedsUpgrade));
    }

    [Test]
    public void Verify_MoreStoredIterations_ReturnsMatch()
    {
        string stored = new PasswordHasher(FewIterations * 2).Hash("password1");
        var weaker = new PasswordHasher(FewIterations);

        Assert.That(weaker.Verify("password1", stored), Is.EqualTo(PasswordVerification.Match));
    }

    [Test]
    public void Verify_UnparsableHash_ReturnsMismatch()
    {
        var hasher = new PasswordHasher(FewIterations);

        Assert.That(
            hasher.Verify("password1", "not a hash"),
            Is.EqualTo(PasswordVerification.Mismatch));
    }

    [Test]
    public void Verify_NonAsciiPassword_Matches()
    {
        var hasher = new PasswordHasher(FewIterations);
        string stored = hasher.Hash("pässwörd😀");

        Assert.That(hasher.Verify("pässwörd😀", stored), Is.EqualTo(PasswordVerification.Match));
    }

    [Test]
    public void ComputeDecoyHash_AnyPassword_DoesNotThrow()
    {
        var hasher = new PasswordHasher(FewIterations);

        Assert.That(() => hasher.ComputeDecoyHash("password1"), Throws.Nothing);
    }

    private const string Salt = "AAECAwQFBgcICQoLDA0ODw";
    private const string Hash = "XA3fKJzVbvobi7BgjJZ+xb0H+1A35RoeXkTcu/hPRfM";

    [TestCase("", TestName = "TryParse_Empty_Rejected")]
    [TestCase(
        "$pbkdf2-sha512$i=1000$" + Salt + "$" + Hash,
        TestName = "TryParse_OtherAlgorithm_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=0$" + Salt + "$" + Hash,
        TestName = "TryParse_ZeroIterations_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=01000$" + Salt + "$" + Hash,
        TestName = "TryParse_LeadingZero_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=-1$" + Salt + "$" + Hash,
        TestName = "TryParse_NegativeIterations_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=+1000$" + Salt + "$" + Hash,
        TestName = "TryParse_PlusSign_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=6000001$" + Salt + "$" + Hash,
        TestName = "TryParse_OverMaxIterations_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=2147483648$" + Salt + "$" + Hash,
        TestName = "TryParse_IntOverflow_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=99999999999999999999$" + Salt + "$" + Hash,
        TestName = "TryParse_HugeIterations_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=1000$" + Salt + "==$" + Hash,
        TestName = "TryParse_PaddedSalt_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=1000$" + Salt + "$" + Hash + "=",
        TestName = "TryParse_PaddedHash_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0ODx$" + Hash,
        TestName = "TryParse_NonCanonicalSalt_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoL$" + Hash,
        TestName = "TryParse_ShortSalt_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=1000$" + Salt + "$XA3fKJzVbvobi7BgjJZ-xb0H-1A35RoeXkTcu_hPRfM",
        TestName = "TryParse_UrlAlphabetHash_Rejected")]
    [TestCase(
        "$pbkdf2-sha256$i=1000$" + Salt + "$" + Hash + "$",
        TestName = "TryParse_ExtraField_Rejected")]
    [TestCase("$pbkdf2-sha256$i=1000$" + Salt, TestName = "TryParse_MissingHash_Rejected")]
    [TestCase(
        " $pbkdf2-sha256$i=1000$" + Salt + "$" + Hash,
        TestName = "TryParse_LeadingSpace_Rejected")]
    public void TryParse_MalformedHash_Rejected(string stored)
    {
        bool parsed = PasswordHasher.TryParse(stored, out _);

        Assert.That(parsed, Is.False);
    }

    [Test]
    public void TryParse_WellFormedHash_Accepted()
    {
        bool parsed = PasswordHasher.TryParse("$pbkdf2-sha256$i=1000$" + Salt + "$" + Hash, out _);

        Assert.That(parsed, Is.True);
    }

    [TestCase(0)]
    [TestCase(PasswordHasher.MaxIterations + 1)]
    public void Constructor_IterationsOutOfRange_Throws(int iterations)
    {
        Assert.That(
            () => new PasswordHasher(iterations),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
