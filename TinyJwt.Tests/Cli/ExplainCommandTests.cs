using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Cli;

public class ExplainCommandTests
{
    private const long Now = CliSamples.Now;
    private const string Key = CliSamples.ServerKey;

    private static string Passed(VerificationStep step)
    {
        return "✓ " + VerificationSteps.GetTitle(step);
    }

    private static string Failed(VerificationStep step)
    {
        return "✗ " + VerificationSteps.GetTitle(step);
    }

    [Test]
    public async Task Explain_TutorialToken_FailsOnlyExpiry()
    {
        CliRun run = await CliRun.RunAsync(
            ["explain", CliSamples.TutorialToken, "--secret", CliSamples.TutorialKey], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(run.Output, Does.Contain(Passed(VerificationStep.CompareSignature)));
            Assert.That(run.Output, Does.Contain(Failed(VerificationStep.CheckExpiration)));
            Assert.That(run.Output, Does.Contain("1731545843 = 2024-11-14T00:57:23Z"));
            Assert.That(run.Output, Does.Contain($"({nameof(TokenFailure.Expired)})"));
            Assert.That(run.Output, Does.Contain("warning: the key is 15 bytes"));
            Assert.That(run.Output, Does.Contain("RFC 7518 §3.2"));
        }
    }

    [Test]
    public async Task Explain_Rfc7515Token_FailsSubject()
    {
        CliRun run = await CliRun.RunAsync(
            ["explain", CliSamples.Rfc7515Token, "--key-base64url", CliSamples.Rfc7515KeyBase64Url],
            Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(run.Output, Does.Contain("Key: 64 bytes from --key-base64url"));
            Assert.That(run.Output, Does.Contain(Passed(VerificationStep.CompareSignature)));
            Assert.That(run.Output, Does.Contain("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
            Assert.That(run.Output, Does.Contain(Failed(VerificationStep.CheckSubject)));
            Assert.That(run.Output, Does.Contain($"({nameof(TokenFailure.MissingSubject)})"));
            Assert.That(run.Output, Does.Not.Contain("warning"));
        }
    }

    [Test]
    public async Task Explain_Rfc7515TokenIn2010_FailsSubject()
    {
        CliRun run = await CliRun.RunAsync(
            ["explain", CliSamples.Rfc7515Token, "--key-base64url", CliSamples.Rfc7515KeyBase64Url,
                "--now", "2011-01-01T00:00:00Z"],
            Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Output, Does.Contain($"({nameof(TokenFailure.MissingSubject)})"));
    }

    [Test]
    public async Task Explain_ValidToken_PassesEveryStep()
    {
        CliRun run = await CliRun.RunAsync(
            ["explain", TestTokens.RomelAtNow, "--secret", Key], Now + 60);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Not.Contain("✗"));
            Assert.That(run.Output, Does.Contain(Passed(VerificationStep.CheckExpiration)));
            Assert.That(run.Output, Does.Contain("(in 59 min)"));
            Assert.That(run.Output, Does.Contain("the user is \"Romel\""));
        }
    }

    [Test]
    public async Task Explain_TamperedPayload_FailsAtSignatureComparison()
    {
        string token = TestTokens.WithPayload(
            TestTokens.RomelAtNow,
            "{\"sub\":\"admin\",\"iat\":1767225600,\"exp\":1767229200}");

        CliRun run = await CliRun.RunAsync(["explain", token, "--secret", Key], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(run.Output, Does.Contain(Failed(VerificationStep.CompareSignature)));
            Assert.That(run.Output, Does.Contain("A correct token has the HMAC-SHA-256"));
            Assert.That(run.Output, Does.Not.Contain(VerificationSteps.GetTitle(
                VerificationStep.CheckExpiration)));
        }
    }

    [Test]
    public async Task Explain_ExpiredToken_FailsAtExpiration()
    {
        CliRun run = await CliRun.RunAsync(
            ["explain", TestTokens.RomelAtNow, "--secret", Key], Now + 3 * 3600);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(run.Output, Does.Contain(Failed(VerificationStep.CheckExpiration)));
            Assert.That(run.Output, Does.Contain("(2 h ago)"));
        }
    }

    [Test]
    public async Task Explain_AlgNone_FailsAtAlgorithmCheck()
    {
        string token = TestTokens.Unsigned("{\"sub\":\"admin\",\"exp\":1767229200}");

        CliRun run = await CliRun.RunAsync(["explain", token, "--secret", Key], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(run.Output, Does.Contain(Failed(VerificationStep.CheckAlgorithm)));
            Assert.That(run.Output, Does.Contain("\"alg\":\"HS256\" exactly"));
            Assert.That(run.Output, Does.Not.Contain(VerificationSteps.GetTitle(
                VerificationStep.ComputeSignature)));
        }
    }

    [Test]
    public async Task Explain_MalformedToken_FailsAtSplit()
    {
        CliRun run = await CliRun.RunAsync(["explain", "only.two", "--secret", Key], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Output, Does.Contain(Failed(VerificationStep.SplitSegments)));
    }

    [Test]
    public async Task Explain_WithoutKey_StopsBeforeSignature()
    {
        CliRun run = await CliRun.RunAsync(["explain", TestTokens.RomelAtNow], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
            Assert.That(run.Output, Does.Contain("Key: none given"));
            Assert.That(run.Output, Does.Contain("without the key the signature cannot be"));
            Assert.That(run.Output, Does.Not.Contain(Passed(VerificationStep.CompareSignature)));
            Assert.That(run.Output, Does.Not.Contain("✗"));
            Assert.That(run.Output, Does.Not.Contain(VerificationSteps.GetTitle(
                VerificationStep.CheckExpiration)));
        }
    }

    [Test]
    public async Task Explain_EscapeCharacterInHeader_IsPrintedEscaped()
    {
        // A raw ESC byte inside a JSON string: invalid JSON, and a terminal control sequence.
        string token = TestTokens.Sign("{\"alg\":\"HS256\",\"typ\":\"\u001b[2J\"}", "{}", Key);

        CliRun run = await CliRun.RunAsync(["explain", token], Now);

        using (Assert.EnterMultipleScope())
        {
            // A char search, because a culture-aware substring search ignores control characters.
            Assert.That(run.Output.Contains('\u001b'), Is.False);
            Assert.That(run.Output, Does.Contain("\\u001b[2J"));
        }
    }
}
