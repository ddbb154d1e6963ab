using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Cli;

public class VerifyCommandTests
{
    private const long Now = CliSamples.Now;
    private const string Key = CliSamples.ServerKey;

    [Test]
    public async Task Verify_ValidToken_ExitsZeroWithSubject()
    {
        CliRun run = await CliRun.RunAsync(["verify", TestTokens.RomelAtNow, "--secret", Key], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("valid: sub \"Romel\""));
            Assert.That(run.Error, Is.Empty);
        }
    }

    [Test]
    public async Task Verify_TamperedPayload_ReportsSignatureMismatch()
    {
        string token = TestTokens.WithPayload(
            TestTokens.RomelAtNow,
            "{\"sub\":\"admin\",\"iat\":1767225600,\"exp\":1767229200}");

        CliRun run = await CliRun.RunAsync(["verify", token, "--secret", Key], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Error, Does.Contain(nameof(TokenFailure.SignatureMismatch)));
    }

    [Test]
    public async Task Verify_AtExpiration_ReportsExpired()
    {
        const long Expiration = Now + 3600;

        CliRun before = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret", Key], Expiration - 1);
        CliRun at = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret", Key], Expiration);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(at.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(at.Error, Does.Contain(nameof(TokenFailure.Expired)));
        }
    }

    [Test]
    public async Task Verify_NowOption_OverridesClock()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret", Key, "--now", "2026-01-01T01:00:00Z"],
            Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Error, Does.Contain(nameof(TokenFailure.Expired)));
    }

    [TestCase("not-a-token", nameof(TokenFailure.WrongSegmentCount))]
    [TestCase("a.b.c.d", nameof(TokenFailure.WrongSegmentCount))]
    [TestCase("e30=.e30.e30", nameof(TokenFailure.InvalidBase64Url))]
    public async Task Verify_MalformedToken_ReportsReason(string token, string reason)
    {
        CliRun run = await CliRun.RunAsync(["verify", token, "--secret", Key], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Error, Does.Contain(reason));
    }

    [Test]
    public async Task Verify_AlgNone_ReportsUnsupportedAlgorithm()
    {
        string token = TestTokens.Unsigned("{\"sub\":\"admin\",\"exp\":1767229200}");

        CliRun run = await CliRun.RunAsync(["verify", token, "--secret", Key], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Error, Does.Contain(nameof(TokenFailure.UnsupportedAlgorithm)));
    }

    [Test]
    public async Task Verify_Rfc7515Token_ReportsMissingSubject()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", CliSamples.Rfc7515Token, "--key-base64url", CliSamples.Rfc7515KeyBase64Url],
            Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Error, Does.Contain(nameof(TokenFailure.MissingSubject)));
    }

    [Test]
    public async Task Verify_TutorialToken_ValidWithWarning()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", CliSamples.TutorialToken, "--secret", CliSamples.TutorialKey],
            CliSamples.TutorialExpiration - 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("valid: sub \"Romel\""));
            Assert.That(run.Error, Does.Contain("the key is 15 bytes"));
        }
    }

    [Test]
    public async Task Verify_KeyFromEnvironment_IsUsed()
    {
        var environment = new Dictionary<string, string> { ["TINYJWT_SECRET"] = Key };

        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow], Now, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
    }

    [Test]
    public async Task Verify_KeyOptionBeatsEnvironment_UsesOption()
    {
        var environment = new Dictionary<string, string> { ["TINYJWT_SECRET"] = "wrong key" };

        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret", Key], Now, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
    }

    [Test]
    public async Task Verify_WrongKey_ReportsSignatureMismatch()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret", "another key of thirty-two bytes!"],
            Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Error, Does.Contain(nameof(TokenFailure.SignatureMismatch)));
    }

    [Test]
    public async Task Verify_NoKey_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(["verify", TestTokens.RomelAtNow], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("no key given"));
    }

    [Test]
    public async Task Verify_TwoKeyOptions_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret", Key, "--key-base64url", "AAAA"], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
    }

    [Test]
    public async Task Verify_BadJwkKey_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--key-base64url", "AAAA="], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("not valid base64url"));
    }

    [Test]
    public async Task Verify_InvalidNow_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret", Key, "--now", "yesterday"], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("--now 'yesterday'"));
    }
}
