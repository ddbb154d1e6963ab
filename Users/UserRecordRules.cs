using System.Text;
using TinyJwt.Crypto;

namespace TinyJwt.Users;

/// <summary>Checks that a user record can be written to the log and replayed from it.</summary>
/// <remarks>
/// Replay and the writer share these checks, so the store never writes a record that its own
/// replay would reject, and a hand-edited record that could never log in stops the start.
/// </remarks>
internal static class UserRecordRules
{
    /// <summary>
    /// Checks a user name and password hash. Returns null when both are valid, or else the
    /// problem as a sentence fragment that never quotes the hash.
    /// </summary>
    public static string? FindProblem(string userName, string passwordHash)
    {
        // Names are stored as the server compares them, after NFC normalization, so a name in
        // another form could never log in.
        if (!userName.IsNormalized(NormalizationForm.FormC))
        {
            return "the user name is not in Unicode normalization form C (NFC)";
        }

        // Requests and records on disk obey one set of name rules, so a stored name can always
        // be matched by a request.
        string? nameRule = UserNameRules.Normalize(userName, out _);
        if (nameRule is not null)
        {
            return $"the user name breaks a name rule ({nameRule})";
        }

        // A hash that does not parse never matches any password, so the user could never log in.
        if (!PasswordHasher.TryParse(passwordHash, out _))
        {
            return "the member \"hash\" is not a password hash in the stored format "
                + "$pbkdf2-sha256$i=ITERATIONS$SALT$HASH (iterations 1 to "
                + $"{PasswordHasher.MaxIterations}, a 16-byte salt and a 32-byte hash in "
                + "unpadded base64)";
        }

        return null;
    }
}
