using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Cli;

[Category("Security")]
public class TamperCommandTests
{
    private const long Now = CliSamples.Now;
    private const string Key = CliSamples.ServerKey;

    [Test]
    public async Task Tamper_OurVerifier_RejectsEveryAttack()
    {
        CliRun run = await CliRun.RunAsync(["tamper", TestTokens.RomelAtNow, "--secret", Key], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("attacks were rejected."));
            Assert.That(run.Output, Does.Not.Contain("ACCEPTED"));
            Assert.That(run.Output, Does.Not.Contain("another check than expected"));
            Assert.That(run.Output, Does.Contain("alg \"nOnE\""));
            Assert.That(run.Output, Does.Contain("CVE-2015-9235"));
        }
    }

    [Test]
    public void Build_EachAttack_FailsWithItsExpectedReason()
    {
        byte[] key = Encoding.UTF8.GetBytes(Key);
        var verifier = new TokenVerifier(key, new FixedTimeProvider(
            System.DateTimeOffset.FromUnixTimeSeconds(Now)));

        List<TamperAttack> attacks = TamperAttacks.Build(TestTokens.RomelAtNow, key);

        Assert.That(attacks, Has.Count.GreaterThanOrEqualTo(16));
        using (Assert.EnterMultipleScope())
        {
            foreach (TamperAttack attack in attacks)
            {
                TokenVerificationResult result = verifier.Verify(attack.Token);
                Assert.That(result.Failure, Is.EqualTo(attack.ExpectedFailure), attack.Name);
                Assert.That(attack.Token, Is.Not.EqualTo(TestTokens.RomelAtNow), attack.Name);
            }
        }
    }

    [Test]
    public async Task Tamper_TutorialToken_RejectsEveryAttack()
    {
        CliRun run = await CliRun.RunAsync(
            ["tamper", CliSamples.TutorialToken, "--secret", CliSamples.TutorialKey,
                "--now", "2024-11-14T00:00:00Z"],
            Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Error, Does.Contain("the key is 15 bytes"));
            Assert.That(run.Output, Does.Not.Contain("ACCEPTED"));
        }
    }

    [Test]
    public async Task Tamper_InvalidStartToken_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(
            ["tamper", CliSamples.TutorialToken, "--secret", CliSamples.TutorialKey], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain(nameof(TokenFailure.Expired)));
    }

    [Test]
    public async Task Tamper_NoKey_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(["tamper", TestTokens.RomelAtNow], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
    }
}
