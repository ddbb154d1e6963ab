using System;
using System.IO;
using System.Threading.Tasks;

namespace TinyJwt.Cli;

/// <summary>
/// Dispatches the program's arguments to a subcommand; a bare run starts the server.
/// </summary>
internal static class CommandLine
{
    public const int ExitOk = 0;

    /// <summary>Exit code for a rejected token (verify, explain) or an accepted attack.</summary>
    public const int ExitFailure = 1;

    public const int ExitUsage = 2;

    public static Task<int> RunAsync(string[] args)
    {
        return RunAsync(args, CommandContext.ForConsole());
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        return RunAsync(args, CommandContext.ForWriters(output, error));
    }

    public static async Task<int> RunAsync(string[] args, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        // A bare run, or one that starts with an option, is `serve`, so that
        // `dotnet run -- --port 8080` starts the server.
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] != "--help" && args[0] != "-h")
        {
            return await ServeCommand.RunAsync(args, context.Output, context.Error);
        }

        string command = args[0];
        string[] rest = args[1..];
        try
        {
            switch (command)
            {
                case "serve":
                    return await ServeCommand.RunAsync(rest, context.Output, context.Error);
                case "encode":
                    return EncodeCommand.Run(rest, context);
                case "decode":
                    return DecodeCommand.Run(rest, context);
                case "verify":
                    return VerifyCommand.Run(rest, context);
                case "explain":
                    return ExplainCommand.Run(rest, context);
                case "hash-password":
                    return HashPasswordCommand.Run(rest, context);
                case "tamper":
                    return TamperCommand.Run(rest, context);
                case "--help":
                case "-h":
                case "help":
                    context.Output.Write(Usage);
                    return ExitOk;
                default:
                    context.Error.WriteLine(
                        $"tinyjwt: unknown command '{command}'. " +
                        "Run 'tinyjwt --help' for the list.");
                    return ExitUsage;
            }
        }
        catch (UsageException exception)
        {
            context.Error.WriteLine(
                $"tinyjwt {command}: {exception.Message} Run 'tinyjwt {command} --help'.");
            return ExitUsage;
        }
    }

    private const string Usage =
        """
        Usage: tinyjwt [command] [options]

        Commands:
          serve          Run the HTTP server (the default when no command is given).
          encode         Issue a token signed with HS256, as the server does at login.
          decode         Print a token's header and claims without verifying anything.
          verify         Verify a token; exit code 0 when valid, 1 when not.
          explain        Verify a token step by step, naming the RFC section of each step.
          hash-password  Hash a password read from standard input, or check one.
          tamper         Run classic attacks built from a valid token through the verifier.

        Run 'tinyjwt COMMAND --help' for the options of a command.

        """;
}
