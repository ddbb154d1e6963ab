using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

public class EncodeCommandTests
{
    private const long Now = CliSamples.Now;
    private const string Key = CliSamples.ServerKey;

    [Test]
    public async Task Encode_SubjectAndKey_PrintsServerToken()
    {
        CliRun run = await CliRun.RunAsync(["encode", "--sub", "Romel", "--secret", Key], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Is.EqualTo(TestTokens.RomelAtNow + "\n"));
        }
    }

    [Test]
    public async Task Encode_ThenVerify_IsValidUntilExp()
    {
        CliRun encode = await CliRun.RunAsync(
            ["encode", "--sub", "alice", "--exp", "60", "--secret", Key], Now);
        string token = encode.Output.Trim();

        CliRun valid = await CliRun.RunAsync(["verify", token, "--secret", Key], Now + 59);
        CliRun expired = await CliRun.RunAsync(["verify", token, "--secret", Key], Now + 60);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(valid.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(expired.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        }
    }

    [Test]
    public async Task Encode_ShortKey_IsRejected()
    {
        CliRun run = await CliRun.RunAsync(
            ["encode", "--sub", "Romel", "--secret", CliSamples.TutorialKey], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(run.Output, Is.Empty);
            Assert.That(run.Error, Does.Contain("is 15 bytes"));
            Assert.That(run.Error, Does.Not.Contain(CliSamples.TutorialKey));
        }
    }

    [TestCase("--exp", "0")]
    [TestCase("--exp", "-5")]
    [TestCase("--exp", "ten")]
    [TestCase("--exp", "999999999999999")]
    [TestCase("--sub", "")]
    public async Task Encode_BadOptionValue_ExitsWithUsageCode(string option, string value)
    {
        string[] args = ["encode", "--sub", "Romel", "--secret", Key, option, value];
        if (option == "--sub")
        {
            args = ["encode", "--secret", Key, option, value];
        }

        CliRun run = await CliRun.RunAsync(args, Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
    }

    [Test]
    public async Task Encode_MissingSubject_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(["encode", "--secret", Key], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("missing --sub"));
    }
}
