using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Unicode;
using TinyJwt.Users;

namespace TinyJwt.Http;

/// <summary>User name and password of a request body, the name already NFC-normalized.</summary>
internal sealed record Credentials(string UserName, string Password);

/// <summary>Parser of the <c>{"username": s, "password": s}</c> request body.</summary>
internal static class CredentialsJson
{
    // The body may nest objects and arrays 64 levels deep, the default of System.Text.Json.
    public const int MaxDepth = 64;

    private static readonly string DepthProblem =
        $"Request body nests JSON deeper than {MaxDepth} levels";

    /// <summary>
    /// Parses and validates the body; returns the credentials, or the message of the 400 response.
    /// The message never contains a value from the body.
    /// </summary>
    // Messages name members without quotes, because the response encoder writes ' and " as
    // \u0027 and \u0022, which curl prints as they are.
    public static (Credentials? Credentials, string? Problem) Parse(byte[] body)
    {
        // RFC 8259 §8.1: JSON text exchanged between systems is UTF-8 without a byte-order mark.
        if (body.AsSpan().StartsWith("\uFEFF"u8))
        {
            return (null, "Request body must not start with a byte-order mark");
        }

        if (!Utf8.IsValid(body))
        {
            return (null, "Request body is not valid UTF-8");
        }

        string? userName = null;
        string? password = null;
        try
        {
            string? problem = ReadMembers(body, ref userName, ref password);
            if (problem is not null)
            {
                return (null, problem);
            }
        }
        catch (JsonException exception)
        {
            // The position helps the client; the exception's own message may quote the input.
            long line = (exception.LineNumber ?? 0) + 1;
            long column = (exception.BytePositionInLine ?? 0) + 1;
            return (null, $"Request body is not valid JSON (line {line}, byte {column})");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this for an escaped lone surrogate such as \ud800.
            return (null, "Request body contains a string that is not valid Unicode");
        }

        return Validate(userName, password);
    }

    private static string? ReadMembers(byte[] body, ref string? userName, ref string? password)
    {
        // The reader may go one level past the limit, so the skip below meets the deep value
        // itself and can name the depth limit instead of reporting invalid JSON.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "Request body must be a JSON object with username and password members";
        }

        // System.Text.Json keeps the last of two equal names, so duplicates are caught here,
        // on the decoded names, which makes "\u0075sername" count as "username".
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? "";
            if (!names.Add(name))
            {
                return "Request body contains a member name more than once";
            }

            reader.Read();
            if (name is "username" or "password")
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return $"{name} must be a string";
                }

                string value = reader.GetString() ?? "";
                if (name == "username")
                {
                    userName = value;
                }
                else
                {
                    password = value;
                }
            }
            else if (!TrySkipWithinDepth(ref reader))
            {
                return DepthProblem;
            }
        }

        // Reading past the object makes the reader reject anything after it.
        reader.Read();
        return null;
    }

    // Skips the value under the reader like Utf8JsonReader.Skip, but returns false when an
    // object or array inside it opens level MaxDepth + 1.
    private static bool TrySkipWithinDepth(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return true;
        }

        int startDepth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > startDepth)
        {
            bool opensLevel = reader.TokenType
                is JsonTokenType.StartObject or JsonTokenType.StartArray;
            if (opensLevel && reader.CurrentDepth >= MaxDepth)
            {
                return false;
            }
        }

        return true;
    }

    private static (Credentials? Credentials, string? Problem) Validate(
        string? userName,
        string? password)
    {
        if (userName is null)
        {
            return (null, "Request body is missing username");
        }

        if (password is null)
        {
            return (null, "Request body is missing password");
        }

        string? problem = UserNameRules.Normalize(userName, out string normalized)
            ?? PasswordRules.FindProblem(password);
        if (problem is not null)
        {
            return (null, problem);
        }

        return (new Credentials(normalized, password), null);
    }
}
