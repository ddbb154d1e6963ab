using System;
using System.Globalization;
using System.Text;

namespace TinyJwt.Users;

/// <summary>Rules for user names and passwords, counted in Unicode scalar values.</summary>
/// <remarks>
/// A "character" here is one Unicode scalar value (a <see cref="Rune"/>), which is what Python's
/// <c>len()</c> counts, so "é" is one character whether it arrives as U+00E9 or, before
/// normalization, as "e" plus U+0301. NIST SP 800-63B §5.1.1.2 counts password length the
/// same way.
/// </remarks>
internal static class UserNameRules
{
    public const int MaxLength = 64;

    /// <summary>
    /// Normalizes the name to NFC and checks it; returns null when it is valid, or else the
    /// message naming the rule it breaks.
    /// </summary>
    public static string? Normalize(string userName, out string normalized)
    {
        normalized = "";
        if (userName.Length == 0)
        {
            return "username must not be empty";
        }

        // ICU's normalizer throws on U+FFFE but passes U+FFFF (.NET 10 on Linux), so every
        // noncharacter is rejected first, with a message that names the problem.
        if (ContainsNoncharacter(userName))
        {
            return "Username must not contain Unicode noncharacters "
                + "such as code point FFFE or FFFF";
        }

        // Names are compared after NFC so that "e" + U+0301 and U+00E9 are one user. This needs
        // ICU: with InvariantGlobalization on, Normalize returns its input unchanged.
        string candidate;
        try
        {
            candidate = userName.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return "Username is not valid Unicode";
        }

        int length = 0;
        Rune first = default;
        Rune last = default;
        foreach (Rune rune in candidate.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control)
            {
                return "Username must not contain control characters";
            }

            if (length == 0)
            {
                first = rune;
            }

            last = rune;
            length++;
        }

        if (length > MaxLength)
        {
            return $"Username must be at most {MaxLength} characters";
        }

        if (Rune.IsWhiteSpace(first) || Rune.IsWhiteSpace(last))
        {
            return "Username must not start or end with white space";
        }

        normalized = candidate;
        return null;
    }

    // Unicode's 66 noncharacters are U+FDD0 to U+FDEF and the last two code points of every
    // plane, U+xxFFFE and U+xxFFFF. They are reserved for internal use and never assigned.
    private static bool ContainsNoncharacter(string text)
    {
        foreach (Rune rune in text.EnumerateRunes())
        {
            int value = rune.Value;
            if ((value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Length rule for passwords (NIST SP 800-63B §5.1.1.2: at least 8 characters).</summary>
internal static class PasswordRules
{
    public const int MinLength = 8;

    // NIST requires verifiers to accept at least 64 characters, and the cap bounds one hash's work.
    public const int MaxLength = 1024;

    /// <summary>Returns null for a valid length, else the message naming the rule.</summary>
    public static string? FindProblem(string password)
    {
        if (password.Length == 0)
        {
            return "password must not be empty";
        }

        int length = 0;
        foreach (Rune rune in password.EnumerateRunes())
        {
            length++;
        }

        if (length < MinLength)
        {
            return $"Password must be at least {MinLength} characters";
        }

        if (length > MaxLength)
        {
            return $"Password must be at most {MaxLength} characters";
        }

        return null;
    }
}
