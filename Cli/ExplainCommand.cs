using System;
using System.Globalization;
using System.IO;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// <c>tinyjwt explain TOKEN</c>: verifies a token with the server's verifier and prints every
/// step of RFC 7519 §7.2 with its RFC section, ✓ or ✗, and the values it looked at.
/// </summary>
internal static class ExplainCommand
{
    public const string Usage =
        "Usage: tinyjwt explain TOKEN [key option] [--now TIME]\n" +
        "\n" +
        "Verifies TOKEN step by step with the server's verifier, printing each step with\n" +
        "its RFC section, ✓ or ✗, and the values it looked at. The first ✗ says what is\n" +
        "wrong and what a correct token has there. Without a key it stops before the\n" +
        "signature. Exit code 0 when the token is valid, 1 when it is not, 2 for bad\n" +
        "arguments.\n" +
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
        HmacKey? key = KeyOptions.Read(arguments, context);
        TimeProvider clock = TokenOptions.ReadClock(arguments, context);
        long now = clock.GetUtcNow().ToUnixTimeSeconds();

        TextWriter output = context.Output;
        Palette palette = context.Palette;
        output.WriteLine(DescribeKey(key));
        if (key is not null)
        {
            KeyOptions.WarnIfShort(key, output, palette);
        }

        string clockSource = arguments.GetValue(TokenOptions.NowOption) is null
            ? "system clock"
            : TokenOptions.NowOption;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"Now: {now} = {TimeText.ToIso(now)} ({clockSource})"));
        output.WriteLine();

        TokenVerifier verifier = TokenOptions.CreateVerifier(key, clock);
        var observer = new ExplainObserver(output, palette, now);
        TokenVerificationResult result = verifier.Verify(token, observer);
        output.WriteLine();
        WriteConclusion(output, palette, result, observer.StepCount);
        return result.IsValid ? CommandLine.ExitOk : CommandLine.ExitFailure;
    }

    private static string DescribeKey(HmacKey? key)
    {
        if (key is null)
        {
            return "Key: none given, so the signature and the claims cannot be checked.";
        }

        return $"Key: {key.Bytes.Length} bytes from {key.Source}";
    }

    private static void WriteConclusion(
        TextWriter output,
        Palette palette,
        TokenVerificationResult result,
        int stepCount)
    {
        if (result.IsValid)
        {
            // The subject comes from the token, so it is escaped before it reaches the terminal.
            string subject = DisplayText.Escape(result.Subject ?? string.Empty);
            output.WriteLine(palette.Pass($"Valid: every step passed; the user is \"{subject}\"."));
            return;
        }

        if (result.Failure == TokenFailure.NoKey)
        {
            output.WriteLine(palette.Warn(
                $"Stopped at step {stepCount}: without the key the signature cannot be " +
                "checked, and no claim can be trusted before it is, so the claims were not " +
                "read. Pass a key option or TINYJWT_SECRET. 'tinyjwt decode' prints the " +
                "claims unverified."));
            return;
        }

        output.WriteLine(palette.Fail($"Invalid: step {stepCount} failed ({result.Failure})."));
        output.WriteLine($"A correct token has {FailureHints.Describe(result.Failure)}");
    }
}
