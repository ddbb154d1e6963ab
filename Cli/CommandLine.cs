using System;
using System.IO;
using System.Threading.Tasks;

namespace TinyJwt.Cli;

/// <summary>Dispatches the program's arguments to a subcommand; a bare run starts the server.</summary>
internal static class CommandLine
{
    public const int ExitOk = 0;
    public const int ExitUsage = 2;

    public static Task<int> RunAsync(string[] args)
    {
        return RunAsync(args, Console.Out, Console.Error);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // A bare run, or one that starts with an option, is `serve`, so `dotnet run -- --port 8080` works.
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] != "--help" && args[0] != "-h")
        {
            return await ServeCommand.RunAsync(args, output, error);
        }

        string command = args[0];
        string[] rest = args[1..];
        switch (command)
        {
            case "serve":
                return await ServeCommand.RunAsync(rest, output, error);
            case "--help":
            case "-h":
            case "help":
                output.Write(Usage);
                return ExitOk;
            default:
                error.WriteLine($"tinyjwt: unknown command '{command}'. Run 'tinyjwt --help' for the list.");
                return ExitUsage;
        }
    }

    private const string Usage =
        """
        Usage: tinyjwt [command] [options]

        Commands:
          serve      Run the HTTP server (the default when no command is given).

        Run 'tinyjwt COMMAND --help' for the options of a command.

        """;
}
