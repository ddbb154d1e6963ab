using System;
using System.IO;
using TinyJwt.Configuration;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// <c>tinyjwt hash-password</c>: hashes a password from standard input the way the server
/// stores it, or checks one against a stored hash with <c>--check</c>.
/// </summary>
internal static class HashPasswordCommand
{
    public const string Usage =
        "Usage: tinyjwt hash-password [--check STORED] [--pbkdf2-iterations N]\n" +
        "\n" +
        "Reads a password from standard input (never from the command line), all of it\n" +
        "but one trailing line break, and prints the stored hash the server would keep,\n" +
        "with each field labelled. With --check, says whether the password matches STORED\n" +
        "and whether the server would rehash it at the next login. Exit code 0 on a\n" +
        "match or a new hash, 1 on a mismatch, 2 for bad arguments.\n" +
        "\n" +
        "Options:\n" +
        "  --check STORED           Check the password against STORED, a string of the\n" +
        "                           form $pbkdf2-sha256$i=N$SALT$HASH.\n" +
        "  --pbkdf2-iterations N    Iterations for new hashes, and the count below which a\n" +
        "                           stored hash is upgraded (TINYJWT_PBKDF2_ITERATIONS,\n" +
        "                           default 600000), as for the server.\n" +
        "\n" +
        "Example: printf %s \"$PASSWORD\" | tinyjwt hash-password\n";

    private const string CheckOption = "--check";
    private const string IterationsOption = "--pbkdf2-iterations";
    private const string IterationsVariable = "TINYJWT_PBKDF2_ITERATIONS";

    public static int Run(string[] args, CommandContext context)
    {
        ParsedArguments arguments =
            ParsedArguments.Parse(args, [CheckOption, IterationsOption], []);
        if (arguments.WantsHelp)
        {
            context.Output.Write(Usage);
            return CommandLine.ExitOk;
        }

        // A password given as an argument would be visible to every local user in the
        // process list, so the command takes none.
        if (arguments.Positionals.Count > 0)
        {
            throw new UsageException(
                "the password is read from standard input only, never from the command line.");
        }

        var hasher = new PasswordHasher(ReadIterations(arguments, context));
        string? stored = arguments.GetValue(CheckOption);
        if (stored is not null && !PasswordHasher.TryParse(stored, out _))
        {
            throw new UsageException(
                $"{CheckOption} needs a stored hash of the form $pbkdf2-sha256$i=N$SALT$HASH, " +
                "with a 16-byte salt and a 32-byte hash in base64 without padding.");
        }

        string password = PasswordInput.Read(context);
        if (stored is null)
        {
            return WriteNewHash(context, hasher, password);
        }

        return WriteCheck(context.Output, context.Palette, hasher, password, stored);
    }

    // Reads the count the way the server does: the flag wins over the environment variable,
    // and the same parser applies the same limits.
    private static int ReadIterations(ParsedArguments arguments, CommandContext context)
    {
        string? flag = arguments.GetValue(IterationsOption);
        string[] serverArgs = flag is null ? [] : [IterationsOption, flag];
        try
        {
            ServerOptions options = ServerOptionsParser.Parse(
                serverArgs,
                name => name == IterationsVariable ? context.GetEnvironmentVariable(name) : null);
            return options.Pbkdf2Iterations;
        }
        catch (ConfigurationException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    private static int WriteNewHash(CommandContext context, PasswordHasher hasher, string password)
    {
        if (password.Length < PasswordInput.MinLength)
        {
            context.Error.WriteLine(context.Palette.Warn(
                $"warning: the password is {password.Length} characters; the server rejects " +
                $"passwords under {PasswordInput.MinLength} (NIST SP 800-63B)."));
        }

        string stored = hasher.Hash(password);
        context.Output.WriteLine(stored);
        WriteFields(context.Output, stored);
        return CommandLine.ExitOk;
    }

    private static int WriteCheck(
        TextWriter output,
        Palette palette,
        PasswordHasher hasher,
        string password,
        string stored)
    {
        WriteFields(output, stored);
        PasswordVerification verification = hasher.Verify(password, stored);
        if (verification == PasswordVerification.Mismatch)
        {
            output.WriteLine(palette.Fail("  result      no match"));
            return CommandLine.ExitFailure;
        }

        output.WriteLine(palette.Pass("  result      match"));
        PasswordHasher.TryParse(stored, out StoredPasswordHash parsed);
        if (verification == PasswordVerification.MatchNeedsUpgrade)
        {
            output.WriteLine(
                $"  upgrade     yes: {parsed.Iterations} iterations is below the configured " +
                $"{hasher.Iterations}, so the server rehashes it at the next successful login");
        }
        else
        {
            output.WriteLine(
                $"  upgrade     no: {parsed.Iterations} iterations is not below the configured " +
                $"{hasher.Iterations}");
        }

        return CommandLine.ExitOk;
    }

    private static void WriteFields(TextWriter output, string stored)
    {
        // Only called with a string that TryParse accepted.
        PasswordHasher.TryParse(stored, out StoredPasswordHash parsed);
        string[] fields = stored.Split('$');
        output.WriteLine(
            "  algorithm   pbkdf2-sha256: PBKDF2 with HMAC-SHA-256 (RFC 8018 §5.2)");
        output.WriteLine($"  iterations  {parsed.Iterations}");
        output.WriteLine(
            $"  salt        {fields[3]} ({parsed.Salt.Length}-byte salt, base64 without '=')");
        output.WriteLine(
            $"  hash        {fields[4]} ({parsed.Hash.Length}-byte derived key, base64 " +
            "without '=')");
    }
}
