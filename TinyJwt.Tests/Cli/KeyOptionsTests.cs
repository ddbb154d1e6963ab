using System;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

public class KeyOptionsTests
{
    private const long Now = CliSamples.Now;

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        string name = "tinyjwt-cli-" + Guid.NewGuid().ToString("N");
        _directory = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task SecretFile_WithTrailingNewline_VerifiesToken()
    {
        string path = Path.Combine(_directory, "key.txt");
        await File.WriteAllTextAsync(path, CliSamples.ServerKey + "\n");

        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret-file", path], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
    }

    [Test]
    public async Task DataOption_ServerSecretKey_VerifiesToken()
    {
        await File.WriteAllTextAsync(
            Path.Combine(_directory, "secret.key"), CliSamples.ServerKey + "\n");

        CliRun run = await CliRun.RunAsync(
            ["explain", TestTokens.RomelAtNow, "--data", _directory], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitOk));
            Assert.That(run.Output, Does.Contain("Key: 32 bytes from "));
            Assert.That(run.Output, Does.Not.Contain(CliSamples.ServerKey));
        }
    }

    [Test]
    public async Task DataOption_NoSecretKey_ExitsWithUsageCode()
    {
        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--data", _directory], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
            Assert.That(run.Error, Does.Contain("secret.key does not exist"));
            Assert.That(File.Exists(Path.Combine(_directory, "secret.key")), Is.False);
        }
    }

    [Test]
    public async Task SecretFile_Missing_ExitsWithUsageCode()
    {
        string path = Path.Combine(_directory, "absent.txt");

        CliRun run = await CliRun.RunAsync(
            ["verify", TestTokens.RomelAtNow, "--secret-file", path], Now);

        Assert.That(run.ExitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(run.Error, Does.Contain("absent.txt"));
    }
}
