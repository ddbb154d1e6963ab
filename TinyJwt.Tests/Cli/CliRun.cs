using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

/// <summary>One in-process run of the command line: exit code and captured streams.</summary>
internal sealed class CliRun
{
    private CliRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public static async Task<CliRun> RunAsync(
        string[] args,
        long now,
        string input = "",
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now));
        var context = new CommandContext(
            output,
            error,
            new StringReader(input),
            clock,
            name => environment is not null && environment.TryGetValue(name, out string? value)
                ? value
                : null,
            useColour: false);

        int exitCode = await CommandLine.RunAsync(args, context);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
