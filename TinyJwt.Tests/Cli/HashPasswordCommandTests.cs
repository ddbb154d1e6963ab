using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Cli;

public class HashPasswordCommandTests
{
    private const long Now = CliSamples.Now;
    private const string Password = "pass1425";

    // A small count keeps the suite fast; the default 600 000 is tested with the hasher.
    private const string Iterations = "1000";

    private static string FirstLine(string text)
    {
        return text.Split('\n')[0];
    }

    [Test]
    public async Task HashPassword_FromStdin_PrintsLabelledStoredHash()
    {
        CliRun run = await CliRun.RunAsync(
            ["hash-password", "--pbkdf2-iterations", Iterations], Now, input: Password + "\n");

        string stored = FirstLine(run.Output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(stored, Does.StartWith("$pbkdf2-sha256$i=1000$"));
            Assert.That(PasswordHasher.TryParse(stored, out _), Is.True);
            Assert.That(run.Output, Does.Contain("  iterations  1000"));
            Assert.That(run.Output, Does.Contain("16-byte salt"));
            Assert.That(run.Output, Does.Contain("32-byte derived key"));
            Assert.That(run.Output, Does.Not.Contain(Password));
        }
    }

    [Test]
    public async Task HashPassword_TrailingNewline_IsDropped()
    {
        CliRun hash = await CliRun.RunAsync(
            ["hash-password", "--pbkdf2-iterations", Iterations], Now, input: Password + "\r\n");
        string stored = FirstLine(hash.Output);

        var hasher = new PasswordHasher(1000);

        Assert.That(hasher.Verify(Password, stored), Is.EqualTo(PasswordVerification.Match));
    }

    [Test]
    public async Task HashPassword_CheckRightPassword_SaysMatch()
    {
        string stored = new PasswordHasher(1000).Hash(Password);

        CliRun run = await CliRun.RunAsync(
            ["hash-password", "--check", stored, "--pbkdf2-iterations", Iterations],
            Now,
            input: Password);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("result      match"));
            Assert.That(run.Output, Does.Contain("upgrade     no"));
        }
    }

    [Test]
    public async Task HashPassword_CheckWrongPassword_ExitsOne()
    {
        string stored = new PasswordHasher(1000).Hash(Password);

        CliRun run = await CliRun.RunAsync(
            ["hash-password", "--check", stored, "--pbkdf2-iterations", Iterations],
            Now,
            input: "wrong password");

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitFailure));
        Assert.That(run.Output, Does.Contain("result      no match"));
    }

    [Test]
    public async Task HashPassword_CheckFewerIterations_SaysUpgrade()
    {
        string stored = new PasswordHasher(1000).Hash(Password);
        var environment = new Dictionary<string, string>
        {
            ["TINYJWT_PBKDF2_ITERATIONS"] = "2000",
        };

        CliRun run = await CliRun.RunAsync(
            ["hash-password", "--check", stored], Now, Password, environment);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("upgrade     yes: 1000 iterations"));
            Assert.That(run.Output, Does.Contain("configured 2000"));
        }
    }

    [Test]
    public async Task HashPassword_FlagBeatsEnvironment_UsesFlag()
    {
        var environment = new Dictionary<string, string>
        {
            ["TINYJWT_PBKDF2_ITERATIONS"] = "2000",
        };

        CliRun run = await CliRun.RunAsync(
            ["hash-password", "--pbkdf2-iterations", Iterations], Now, Password, environment);

        Assert.That(FirstLine(run.Output), Does.StartWith("$pbkdf2-sha256$i=1000$"));
    }

    [Test]
    public async Task HashPassword_PasswordAsArgument_IsRejected()
    {
        CliRun run = await CliRun.RunAsync(["hash-password", Password], Now, input: Password);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(run.Error, Does.Contain("standard input only"));
            Assert.That(run.Error, Does.Not.Contain(Password));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [TestCase("")]
    [TestCase("\n")]
    public async Task HashPassword_EmptyInput_ExitsWithUsageCode(string input)
    {
        CliRun run = await CliRun.RunAsync(["hash-password"], Now, input: input);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("no password on standard input"));
    }

    [Test]
    public async Task HashPassword_TooLong_ExitsWithUsageCode()
    {
        string input = new string('a', 1025);

        CliRun run = await CliRun.RunAsync(
            ["hash-password", "--pbkdf2-iterations", Iterations], Now, input: input);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("longer than 1024"));
    }

    [TestCase("not a hash")]
    [TestCase("$pbkdf2-sha256$i=0$AAAAAAAAAAAAAAAAAAAAAA$" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task HashPassword_CheckMalformedStored_ExitsWithUsageCode(string stored)
    {
        CliRun run = await CliRun.RunAsync(["hash-password", "--check", stored], Now, Password);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
    }

    [TestCase("0")]
    [TestCase("many")]
    public async Task HashPassword_BadIterations_ExitsWithUsageCode(string iterations)
    {
        CliRun run = await CliRun.RunAsync(
            ["hash-password", "--pbkdf2-iterations", iterations], Now, Password);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("--pbkdf2-iterations"));
    }
}
