using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// <c>tinyjwt decode TOKEN</c>: prints the header and claims as indented JSON without
/// verifying anything.
/// </summary>
internal static class DecodeCommand
{
    public const string Usage =
        "Usage: tinyjwt decode TOKEN [--now TIME] [key option]\n" +
        "\n" +
        "Base64url-decodes the three segments of TOKEN and prints the header and the\n" +
        "claims as indented JSON, with exp, nbf and iat as UTC times. Nothing is verified:\n" +
        "anyone can write any claims into a token. Exit code 0 when the header and the\n" +
        "claims are JSON objects, 1 when they are not, 2 for bad arguments.\n" +
        "\n" +
        "Options:\n" +
        "  --now TIME             Show times relative to TIME, a NumericDate or a UTC\n" +
        "                         ISO 8601 time, in place of the system clock.\n" +
        "  key options            Accepted as for verify and explain, and not used.\n";

    private static readonly string[] TimeClaims = ["exp", "nbf", "iat"];

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
        long now = TokenOptions.ReadClock(arguments, context).GetUtcNow().ToUnixTimeSeconds();
        if (!UnverifiedToken.TryDecode(
                token, out UnverifiedToken? decoded, out TokenFailure failure))
        {
            context.Error.WriteLine(context.Palette.Fail(
                $"cannot decode the token ({failure}): {FailureHints.Describe(failure)}"));
            return CommandLine.ExitFailure;
        }

        TextWriter output = context.Output;
        output.WriteLine(context.Palette.Warn(
            "NOT VERIFIED: decode checks no signature and no claim. Use 'tinyjwt verify' or " +
            "'tinyjwt explain' with the key."));
        WriteKeyNote(output, arguments);
        output.WriteLine();
        bool headerIsObject = WriteJson(output, "Header", decoded.Header);
        output.WriteLine();
        bool claimsAreObject = WriteJson(output, "Claims", decoded.Payload);
        if (claimsAreObject)
        {
            WriteTimes(output, decoded.Payload, now);
        }

        output.WriteLine();
        output.WriteLine($"Signature ({decoded.Signature.Length} bytes, not checked):");
        output.WriteLine($"  hex        {Convert.ToHexStringLower(decoded.Signature)}");
        return headerIsObject && claimsAreObject ? CommandLine.ExitOk : CommandLine.ExitFailure;
    }

    // Decode accepts the key options so that a learner can swap `decode` for `explain` in one
    // command line. It never uses the key.
    private static void WriteKeyNote(TextWriter output, ParsedArguments arguments)
    {
        foreach (string name in KeyOptions.Names)
        {
            if (arguments.GetValue(name) is not null)
            {
                output.WriteLine(
                    $"The key from {name} is not used here; run 'tinyjwt explain' with the " +
                    "same options to check the signature.");
                return;
            }
        }
    }

    private static bool WriteJson(TextWriter output, string name, byte[] json)
    {
        output.WriteLine($"{name} ({json.Length} bytes):");
        string[]? lines = JsonDisplay.TryFormat(json, out string? problem);
        if (lines is null)
        {
            string text = DisplayText.Escape(Encoding.UTF8.GetString(json));
            output.WriteLine(text);
            output.WriteLine($"({name.ToLowerInvariant()} is {problem})");
            return false;
        }

        foreach (string line in lines)
        {
            output.WriteLine(line);
        }

        return true;
    }

    private static void WriteTimes(TextWriter output, byte[] payload, long now)
    {
        using JsonDocument document = JsonDocument.Parse(payload);
        bool headingWritten = false;
        foreach (string claim in TimeClaims)
        {
            if (!document.RootElement.TryGetProperty(claim, out JsonElement value)
                || value.ValueKind != JsonValueKind.Number)
            {
                continue;
            }

            if (!headingWritten)
            {
                output.WriteLine();
                string nowText = string.Create(
                    CultureInfo.InvariantCulture, $"{now} = {TimeText.ToIso(now)}");
                output.WriteLine($"Times (now is {nowText}):");
                headingWritten = true;
            }

            string formatted = value.TryGetInt64(out long seconds)
                ? TimeText.Describe(seconds, now)
                : $"{value.GetRawText()} (not a whole number of seconds)";
            output.WriteLine($"  {claim}  {formatted}");
        }
    }
}
