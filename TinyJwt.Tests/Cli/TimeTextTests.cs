using NUnit.Framework;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

public class TimeTextTests
{
    private const long Now = CliSamples.Now;

    [TestCase(0, "now")]
    [TestCase(42, "in 42 s")]
    [TestCase(3540, "in 59 min")]
    [TestCase(3599, "in 59 min")]
    [TestCase(3600, "in 1 h")]
    [TestCase(-10800, "3 h ago")]
    [TestCase(-3 * 86400, "3 days ago")]
    [TestCase(-3 * 365 * 86400, "3 years ago")]
    public void Relative_Offset_ReadsAsExpected(long offset, string expected)
    {
        Assert.That(TimeText.Relative(Now + offset, Now), Is.EqualTo(expected));
    }

    [Test]
    public void Describe_TutorialExpiry_ShowsNumericDateAndIso()
    {
        const long Expiration = CliSamples.TutorialExpiration;

        string text = TimeText.Describe(Expiration, Expiration);

        Assert.That(text, Is.EqualTo("1731545843 = 2024-11-14T00:57:23Z (now)"));
    }

    [Test]
    public void Describe_BeyondYear9999_SaysSo()
    {
        Assert.That(TimeText.Describe(253402300800, Now), Does.Contain("outside the years"));
    }

    [TestCase("1731545843", 1731545843)]
    [TestCase("2024-11-14T00:57:23Z", 1731545843)]
    [TestCase("2024-11-14T00:57:23", 1731545843)]
    [TestCase("2024-11-14T01:57:23+01:00", 1731545843)]
    [TestCase("2024-11-14T00:57:23.900Z", 1731545843)]
    [TestCase("2024-11-14", 1731542400)]
    [TestCase("0", 0)]
    [TestCase("1970-01-01T00:00:00Z", 0)]
    public void TryParseNow_ValidText_GivesNumericDate(string text, long expected)
    {
        bool parsed = TimeText.TryParseNow(text, out long numericDate);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(numericDate, Is.EqualTo(expected));
        }
    }

    [TestCase("")]
    [TestCase("yesterday")]
    [TestCase("14/11/2024")]
    [TestCase("253402300800")]
    [TestCase("1.5")]
    [TestCase("-5")]
    [TestCase("1969-12-31T23:59:59Z")]
    public void TryParseNow_InvalidText_ReturnsFalse(string text)
    {
        Assert.That(TimeText.TryParseNow(text, out _), Is.False);
    }
}
