using System;
using System.Collections.Generic;

namespace TinyJwt.Users;

/// <summary>Users rebuilt from the log, and where its last complete record ends.</summary>
internal sealed class UserLogReplayResult
{
    public UserLogReplayResult(
        Dictionary<string, string> passwordHashes,
        int recordCount,
        long completeLength,
        long tornLength)
    {
        PasswordHashes = passwordHashes;
        RecordCount = recordCount;
        CompleteLength = completeLength;
        TornLength = tornLength;
    }

    /// <summary>Latest password hash of each registered user.</summary>
    public Dictionary<string, string> PasswordHashes { get; }

    /// <summary>Number of complete records, which is also the number of complete lines.</summary>
    public int RecordCount { get; }

    /// <summary>Length in bytes of the log up to and including the last line feed.</summary>
    public long CompleteLength { get; }

    /// <summary>Length in bytes of the incomplete record after the last line feed, or 0.</summary>
    public long TornLength { get; }
}

/// <summary>Rebuilds the users from the bytes of the log, or rejects a damaged log.</summary>
/// <remarks>
/// Every record is written in one write call that ends with its line feed, and flushed to the
/// disk before the caller hears of success. So bytes after the last line feed can only be a
/// record whose write did not finish, and no caller received a success for it. Those bytes
/// are a torn record, dropped whatever they contain, even well-formed JSON. A line that ends in a
/// line feed was written whole, so any fault in it is damage from elsewhere (a disk fault or a
/// hand edit), and replay stops rather than guess, even on the last line.
/// </remarks>
internal static class UserLogReplay
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Replays every complete line; throws <see cref="UserStoreException"/> naming the file and
    /// line of the first damaged record.
    /// </summary>
    public static UserLogReplayResult Replay(ReadOnlySpan<byte> content, string logPath)
    {
        // The writer never emits a byte order mark, and RFC 8259 §8.1 forbids adding one to JSON
        // text sent over a network, so a mark here means another program rewrote the file.
        if (content.StartsWith(ByteOrderMark))
        {
            throw Damaged(logPath, 1, "the file starts with a UTF-8 byte order mark");
        }

        var passwordHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var registrationLines = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        int lineStart = 0;
        while (true)
        {
            int lineLength = content[lineStart..].IndexOf((byte)'\n');
            if (lineLength < 0)
            {
                break;
            }

            lineNumber++;
            ReadOnlySpan<byte> line = content.Slice(lineStart, lineLength);
            ApplyLine(line, lineNumber, logPath, passwordHashes, registrationLines);
            lineStart += lineLength + 1;
        }

        long tornLength = content.Length - lineStart;
        return new UserLogReplayResult(passwordHashes, lineNumber, lineStart, tornLength);
    }

    private static void ApplyLine(
        ReadOnlySpan<byte> line,
        int lineNumber,
        string logPath,
        Dictionary<string, string> passwordHashes,
        Dictionary<string, int> registrationLines)
    {
        if (!UserLogRecord.TryParse(line, out UserLogRecord record, out string? problem))
        {
            throw Damaged(logPath, lineNumber, problem);
        }

        if (record.Kind == UserLogRecordKind.Register)
        {
            if (registrationLines.TryGetValue(record.UserName, out int firstLine))
            {
                throw Damaged(logPath, lineNumber,
                    $"a second register record for the user registered on line {firstLine}");
            }

            registrationLines.Add(record.UserName, lineNumber);
            passwordHashes.Add(record.UserName, record.PasswordHash);
            return;
        }

        if (!passwordHashes.ContainsKey(record.UserName))
        {
            throw Damaged(logPath, lineNumber,
                "a rehash record for a user with no earlier register record");
        }

        passwordHashes[record.UserName] = record.PasswordHash;
    }

    private static UserStoreException Damaged(string logPath, int lineNumber, string problem)
    {
        string message =
            $"The user log '{logPath}' is damaged at line {lineNumber}: {problem}. "
            + "The server did not start and changed nothing in the file; "
            + "repair or remove that line, then start again.";
        return new UserStoreException(message, logPath, lineNumber);
    }
}
