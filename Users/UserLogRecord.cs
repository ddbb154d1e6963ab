using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace TinyJwt.Users;

/// <summary>Kind of a user log record.</summary>
internal enum UserLogRecordKind
{
    Register,
    Rehash,
}

/// <summary>
/// One line of the user log, a JSON object such as
/// <c>{"kind":"register","user":"alice","hash":"..."}</c> followed by a line feed.
/// </summary>
internal readonly record struct UserLogRecord(
    UserLogRecordKind Kind,
    string UserName,
    string PasswordHash)
{
    private const string KindMember = "kind";
    private const string UserMember = "user";
    private const string HashMember = "hash";
    private const string RegisterKind = "register";
    private const string RehashKind = "rehash";

    // The log is read by people and by this parser, never by a browser, so there is no reason
    // to escape HTML characters such as '+' in a hash or non-ASCII letters in a name.
    // Quotes, backslashes and control characters are still escaped, so a line never contains
    // a raw line feed.
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Formats the record as UTF-8 JSON ending in one line feed.</summary>
    public byte[] ToJsonLine()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            string kind = Kind == UserLogRecordKind.Register ? RegisterKind : RehashKind;
            writer.WriteString(KindMember, kind);
            writer.WriteString(UserMember, UserName);
            writer.WriteString(HashMember, PasswordHash);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Parses one line without its line feed. On failure <paramref name="problem"/> describes
    /// the fault without quoting the line, because the line may contain a password hash.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> line,
        out UserLogRecord record,
        [NotNullWhen(false)] out string? problem)
    {
        record = default;
        if (line.IsEmpty)
        {
            problem = "the line is empty";
            return false;
        }

        // The reader checks UTF-8 only inside strings, so check the whole line first.
        if (!Utf8.IsValid(line))
        {
            problem = "the line is not valid UTF-8";
            return false;
        }

        try
        {
            return TryReadObject(line, out record, out problem);
        }
        catch (JsonException exception)
        {
            problem = $"the line is not valid JSON (error at byte {exception.BytePositionInLine})";
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString throws this for an escape such as \ud800 that leaves a surrogate unpaired.
            // RFC 8259 §8.2 lets JSON text contain one, but it is not valid Unicode.
            problem = "a string escapes an unpaired UTF-16 surrogate, which is not valid Unicode";
            return false;
        }
    }

    private static bool TryReadObject(
        ReadOnlySpan<byte> line,
        out UserLogRecord record,
        [NotNullWhen(false)] out string? problem)
    {
        record = default;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "the line is not a JSON object";
            return false;
        }

        string? kind = null;
        string? userName = null;
        string? passwordHash = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // GetString decodes escapes, so "\u006bind" counts as a second "kind".
            string memberName = reader.GetString() ?? string.Empty;
            reader.Read();
            if (!TryStoreMember(memberName, ref reader, ref kind, ref userName, ref passwordHash,
                out problem))
            {
                return false;
            }
        }

        // Read past the closing brace: white space ends the line, anything else makes Read throw.
        if (reader.Read())
        {
            problem = "the line holds more than one JSON value";
            return false;
        }

        return TryBuild(kind, userName, passwordHash, out record, out problem);
    }

    private static bool TryStoreMember(
        string memberName,
        ref Utf8JsonReader reader,
        ref string? kind,
        ref string? userName,
        ref string? passwordHash,
        [NotNullWhen(false)] out string? problem)
    {
        if (memberName != KindMember && memberName != UserMember && memberName != HashMember)
        {
            problem = "the record has a member other than \"kind\", \"user\" and \"hash\"";
            return false;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            problem = $"the member \"{memberName}\" is not a string";
            return false;
        }

        string value = reader.GetString() ?? string.Empty;
        bool isDuplicate;
        switch (memberName)
        {
            case KindMember:
                isDuplicate = kind is not null;
                kind = value;
                break;
            case UserMember:
                isDuplicate = userName is not null;
                userName = value;
                break;
            default:
                isDuplicate = passwordHash is not null;
                passwordHash = value;
                break;
        }

        problem = isDuplicate ? $"the member \"{memberName}\" appears twice" : null;
        return !isDuplicate;
    }

    private static bool TryBuild(
        string? kind,
        string? userName,
        string? passwordHash,
        out UserLogRecord record,
        [NotNullWhen(false)] out string? problem)
    {
        record = default;
        UserLogRecordKind recordKind;
        if (kind == RegisterKind)
        {
            recordKind = UserLogRecordKind.Register;
        }
        else if (kind == RehashKind)
        {
            recordKind = UserLogRecordKind.Rehash;
        }
        else
        {
            problem = kind is null
                ? "the member \"kind\" is missing"
                : "the record kind is neither \"register\" nor \"rehash\"";
            return false;
        }

        if (string.IsNullOrEmpty(userName))
        {
            problem = "the member \"user\" is missing or empty";
            return false;
        }

        if (string.IsNullOrEmpty(passwordHash))
        {
            problem = "the member \"hash\" is missing or empty";
            return false;
        }

        problem = UserRecordRules.FindProblem(userName, passwordHash);
        if (problem is not null)
        {
            return false;
        }

        record = new UserLogRecord(recordKind, userName, passwordHash);
        problem = null;
        return true;
    }
}
