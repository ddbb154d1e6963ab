using System;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// <c>tinyjwt verify TOKEN</c>: verifies a token with the server's verifier and sets the exit
/// code, with the reason for a rejection on standard error.
/// </summary>
internal static class VerifyCommand
{
    public const string Usage =
        "Usage: tinyjwt verify TOKEN [key option] [--now TIME]\n" +
        "\n" +
        "Verifies TOKEN the way the server does. Exit code 0 when it is valid, 1 when it is\n" +
        "not (the reason goes to standard error), 2 for bad arguments or a missing key.\n" +
        "\n" +
        "Options:\n" +
        KeyOptions.Help +
        TokenOptions.NowHelp;

    public static int Run(string[] args, CommandContext context)
    {
        string[] valueOptions = [.. KeyOptions.Names, TokenOptions.NowOption];
        ParsedArguments arguments = ParsedArguments.Parse(args, valueOptions, []);
        if (arguments.WantsHelp)
        {
            context.Output.Write(Usage);
            return CommandLine.ExitOk;
        }

        string token = arguments.GetSinglePositional("TOKEN");
        HmacKey key = KeyOptions.Read(arguments, context)
            ?? throw new UsageException(
                "no key given; pass --secret-file, --secret, --key-base64url or --data, or " +
                "set TINYJWT_SECRET.");
        TimeProvider clock = TokenOptions.ReadClock(arguments, context);
        KeyOptions.WarnIfShort(key, context.Error, context.Palette);

        TokenVerifier verifier = TokenOptions.CreateVerifier(key, clock);
        TokenVerificationResult result = verifier.Verify(token);
        if (result.IsValid)
        {
            // The subject comes from the token, so it is escaped before it reaches the terminal.
            string subject = DisplayText.Escape(result.Subject ?? string.Empty);
            context.Output.WriteLine(context.Palette.Pass($"valid: sub \"{subject}\""));
            return CommandLine.ExitOk;
        }

        context.Error.WriteLine(
            context.Palette.Fail($"invalid ({result.Failure}): {result.Description}"));
        return CommandLine.ExitFailure;
    }
}
