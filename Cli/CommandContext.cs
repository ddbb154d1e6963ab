using System;
using System.IO;

namespace TinyJwt.Cli;

/// <summary>
/// The streams, clock and environment a subcommand runs against, so tests can run every
/// subcommand in-process with their own input, output and time.
/// </summary>
internal sealed class CommandContext
{
    public CommandContext(
        TextWriter output,
        TextWriter error,
        TextReader input,
        TimeProvider timeProvider,
        Func<string, string?> getEnvironmentVariable,
        bool useColour,
        bool inputIsTerminal = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        Output = output;
        Error = error;
        Input = input;
        TimeProvider = timeProvider;
        GetEnvironmentVariable = getEnvironmentVariable;
        Palette = new Palette(useColour);
        InputIsTerminal = inputIsTerminal;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Standard input, the only place a password is read from.</summary>
    public TextReader Input { get; }

    /// <summary>True when standard input is a terminal, so passwords are read unechoed.</summary>
    public bool InputIsTerminal { get; }

    public TimeProvider TimeProvider { get; }

    public Func<string, string?> GetEnvironmentVariable { get; }

    public Palette Palette { get; }

    /// <summary>
    /// Creates the context of a real run: console streams, the system clock, the process
    /// environment, and colour only when standard output is a terminal and NO_COLOR is unset.
    /// </summary>
    public static CommandContext ForConsole()
    {
        // NO_COLOR: any non-empty value switches colour off (https://no-color.org).
        bool noColour = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        bool useColour = !Console.IsOutputRedirected && !noColour;
        return new CommandContext(
            Console.Out,
            Console.Error,
            Console.In,
            TimeProvider.System,
            Environment.GetEnvironmentVariable,
            useColour,
            inputIsTerminal: !Console.IsInputRedirected);
    }

    /// <summary>
    /// Creates a context without colour and with an empty environment, for in-process runs.
    /// </summary>
    public static CommandContext ForWriters(TextWriter output, TextWriter error)
    {
        return new CommandContext(
            output,
            error,
            TextReader.Null,
            TimeProvider.System,
            static _ => null,
            useColour: false);
    }
}
