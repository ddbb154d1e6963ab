using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Cli;

public class DecodeCommandTests
{
    private const long Now = CliSamples.Now;

    [Test]
    public async Task Decode_TutorialToken_PrintsClaimsAndTimes()
    {
        CliRun run = await CliRun.RunAsync(["decode", CliSamples.TutorialToken], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.StartWith("NOT VERIFIED"));
            Assert.That(run.Output, Does.Contain("\"alg\": \"HS256\""));
            Assert.That(run.Output, Does.Contain("\"sub\": \"Romel\""));
            Assert.That(run.Output, Does.Contain("exp  1731545843 = 2024-11-14T00:57:23Z"));
            Assert.That(run.Output, Does.Contain("(412 days ago)"));
            Assert.That(run.Output, Does.Contain("Signature (32 bytes, not checked)"));
        }
    }

    [Test]
    public async Task Decode_TamperedToken_StillDecodes()
    {
        string token = TestTokens.WithPayload(TestTokens.RomelAtNow, "{\"sub\":\"admin\"}");

        CliRun run = await CliRun.RunAsync(["decode", token], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
        Assert.That(run.Output, Does.Contain("\"sub\": \"admin\""));
    }

    [Test]
    public async Task Decode_AlgNoneToken_ShowsEmptySignature()
    {
        string token = TestTokens.Unsigned("{\"sub\":\"admin\",\"exp\":1767229200}");

        CliRun run = await CliRun.RunAsync(["decode", token], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("\"alg\": \"none\""));
            Assert.That(run.Output, Does.Contain("Signature (0 bytes, not checked)"));
            Assert.That(run.Output, Does.Contain("(in 1 h)"));
        }
    }

    [Test]
    public async Task Decode_Rfc7515Token_ShowsItsClaims()
    {
        CliRun run = await CliRun.RunAsync(["decode", CliSamples.Rfc7515Token], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("\"http://example.com/is_root\": true"));
            Assert.That(run.Output, Does.Contain("2011-03-22T18:43:00Z"));
        }
    }

    [TestCase("abc", nameof(TokenFailure.WrongSegmentCount))]
    [TestCase("e30.e30=.", nameof(TokenFailure.InvalidBase64Url))]
    public async Task Decode_MalformedToken_ExitsOneWithReason(string token, string reason)
    {
        CliRun run = await CliRun.RunAsync(["decode", token], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(run.Error, Does.Contain(reason));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [Test]
    public async Task Decode_PayloadNotJson_ExitsOne()
    {
        string token = TestTokens.WithPayload(TestTokens.RomelAtNow, "not json");

        CliRun run = await CliRun.RunAsync(["decode", token], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Output, Does.Contain("(claims is not valid JSON"));
    }
}
