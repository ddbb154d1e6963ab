using System;
using System.Collections.Generic;
using System.IO;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// <c>tinyjwt tamper TOKEN</c>: builds classic attacks from a valid token and runs each through
/// the server's verifier, printing what each one probes and the verdict.
/// </summary>
internal static class TamperCommand
{
    public const string Usage =
        "Usage: tinyjwt tamper TOKEN [key option] [--now TIME]\n" +
        "\n" +
        "Builds forged tokens from TOKEN, which must be valid under the key at the given\n" +
        "time: alg \"none\" in several spellings, alg HS512, a changed payload under the old\n" +
        "signature, a removed, truncated, padded or non-canonical signature, an extra or\n" +
        "missing segment, a duplicate claim and a \"crit\" header. Each runs through the\n" +
        "server's verifier. Exit code 0 when every attack is rejected, 1 when any is\n" +
        "accepted, 2 for bad arguments or a TOKEN that is not valid.\n" +
        "\n" +
        "Options:\n" +
        KeyOptions.Help +
        TokenOptions.NowHelp;

    private const int AttackWidth = 42;
    private const int ExpectedWidth = 20;

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
                "the attacks that re-sign need the token's key; pass --secret-file, --secret, " +
                "--key-base64url or --data, or set TINYJWT_SECRET.");
        TimeProvider clock = TokenOptions.ReadClock(arguments, context);
        KeyOptions.WarnIfShort(key, context.Error, context.Palette);

        TokenVerifier verifier = TokenOptions.CreateVerifier(key, clock);
        TokenVerificationResult original = verifier.Verify(token);
        if (!original.IsValid)
        {
            throw new UsageException(
                $"the attacks start from a valid token, but this one is rejected " +
                $"({original.Failure}: {original.Description}) Pass the key it was signed " +
                "with, and --now for an expired token.");
        }

        List<TamperAttack> attacks = TamperAttacks.Build(token, key.Bytes);
        int accepted = WriteTable(context.Output, context.Palette, verifier, attacks);
        return WriteSummary(context.Output, context.Palette, attacks.Count, accepted);
    }

    private static int WriteTable(
        TextWriter output,
        Palette palette,
        TokenVerifier verifier,
        List<TamperAttack> attacks)
    {
        output.WriteLine(
            $" #  {"Attack",-AttackWidth}  {"Expected rejection",-ExpectedWidth}  Actual verdict");
        int accepted = 0;
        for (int i = 0; i < attacks.Count; i++)
        {
            TamperAttack attack = attacks[i];
            TokenVerificationResult result = verifier.Verify(attack.Token);
            string actual;
            if (result.IsValid)
            {
                accepted++;
                actual = palette.Fail("✗ ACCEPTED");
            }
            else if (result.Failure == attack.ExpectedFailure)
            {
                actual = palette.Pass($"✓ rejected, {result.Failure}");
            }
            else
            {
                actual = palette.Pass($"✓ rejected, {result.Failure}") +
                    palette.Warn(" (by another check than expected)");
            }

            string expected = attack.ExpectedFailure.ToString();
            output.WriteLine(
                $"{i + 1,2}  {attack.Name,-AttackWidth}  {expected,-ExpectedWidth}  {actual}");
            output.WriteLine($"    exploits: {attack.Exploits}");
            output.WriteLine($"    reason:   {result.Description}");
        }

        return accepted;
    }

    private static int WriteSummary(TextWriter output, Palette palette, int count, int accepted)
    {
        output.WriteLine();
        if (accepted == 0)
        {
            output.WriteLine(palette.Pass($"All {count} attacks were rejected."));
            return CommandLine.ExitOk;
        }

        output.WriteLine(
            palette.Fail($"{accepted} of {count} attacks were ACCEPTED by the verifier."));
        return CommandLine.ExitFailure;
    }
}
