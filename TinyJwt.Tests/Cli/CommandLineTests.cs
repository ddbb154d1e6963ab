using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

public class CommandLineTests
{
    private const long Now = CliSamples.Now;

    [Test]
    public async Task Run_UnknownCommand_ExitsWithUsageCode()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = await CommandLine.RunAsync(["frobnicate"], output, error);

        Assert.That(exitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(error.ToString(), Does.Contain("unknown command 'frobnicate'"));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public async Task Run_Help_ListsEveryCommand(string option)
    {
        CliRun run = await CliRun.RunAsync([option], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            foreach (string command in new[]
                { "serve", "encode", "decode", "verify", "explain", "hash-password", "tamper" })
            {
                Assert.That(run.Output, Does.Contain("  " + command + " "), command);
            }
        }
    }

    [TestCase("encode")]
    [TestCase("decode")]
    [TestCase("verify")]
    [TestCase("explain")]
    [TestCase("hash-password")]
    [TestCase("tamper")]
    public async Task Run_CommandHelp_PrintsItsUsage(string command)
    {
        CliRun run = await CliRun.RunAsync([command, "--help"], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.StartWith($"Usage: tinyjwt {command}"));
            Assert.That(run.Error, Is.Empty);
        }
    }

    [TestCase("encode")]
    [TestCase("decode")]
    [TestCase("verify")]
    [TestCase("explain")]
    [TestCase("hash-password")]
    [TestCase("tamper")]
    public async Task Run_CommandHelp_EndsWithOneNewline(string command)
    {
        CliRun run = await CliRun.RunAsync([command, "--help"], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Output, Does.EndWith("\n"));
            Assert.That(run.Output, Does.Not.EndWith("\n\n"));

            // An option that starts mid-line was glued onto the end of the text before it.
            Assert.That(run.Output, Does.Not.Match(@"\S {2,}--[a-z]"));
        }
    }

    [TestCase("verify")]
    [TestCase("explain")]
    [TestCase("decode")]
    [TestCase("tamper")]
    public async Task Run_MissingToken_ExitsWithUsageCode(string command)
    {
        CliRun run = await CliRun.RunAsync([command, "--secret", CliSamples.ServerKey], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(run.Error, Does.Contain("missing TOKEN"));
            Assert.That(run.Error.TrimEnd(), Does.Not.Contain("\n"));
        }
    }

    [TestCase("verify", "--bogus")]
    [TestCase("explain", "--secret")]
    [TestCase("decode", "--exp=1")]
    [TestCase("encode", "--sub=a=b")]
    public async Task Run_BadOption_ExitsWithOneLineError(string command, string option)
    {
        CliRun run = await CliRun.RunAsync([command, TestTokens.RomelAtNow, option], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(run.Error, Does.StartWith($"tinyjwt {command}: "));
            Assert.That(run.Error.TrimEnd(), Does.Not.Contain("\n"));
        }
    }

    [Test]
    public async Task Run_SecondPositional_DoesNotEchoIt()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "my secret text"], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Not.Contain("my secret text"));
    }

    [Test]
    public async Task Run_RepeatedOption_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--now", "1", "--now", "2"], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("given more than once"));
    }

    [Test]
    public async Task Run_DoubleDash_AcceptsTokenStartingWithDash()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", "--secret", CliSamples.ServerKey, "--", "-abc"], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
    }
}
