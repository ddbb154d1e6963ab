using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

public class CommandLineTests
{
    [Test]
    public async Task Run_UnknownCommand_ExitsWithUsageCode()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = await CommandLine.RunAsync(["frobnicate"], output, error);

        Assert.That(exitCode, Is.EqualTo(CommandLine.ExitUsage));
        Assert.That(error.ToString(), Does.Contain("unknown command 'frobnicate'"));
    }
}
