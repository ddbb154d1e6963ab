using System;
using System.Collections.Generic;

namespace TinyJwt.Users;

/// <summary>Users rebuilt from the log, and what follows its last line feed.</summary>
internal sealed class UserLogReplayResult
{
    public UserLogReplayResult(
        Dictionary<string, string> passwordHashes,
        int recordCount,
        long completeLength,
        long tailLength,
        string? tailProblem)
    {
        PasswordHashes = passwordHashes;
        RecordCount = recordCount;
        CompleteLength = completeLength;
        TailLength = tailLength;
        TailProblem = tailProblem;
    }

    /// <summary>Latest password hash of each registered user.</summary>
    public Dictionary<string, string> PasswordHashes { get; }

    /// <summary>Number of records replayed, including a kept tail.</summary>
    public int RecordCount { get; }

    /// <summary>Length in bytes of the log up to and including the last line feed.</summary>
    public long CompleteLength { get; }

    /// <summary>Length in bytes of the text after the last line feed, or 0.</summary>
    public long TailLength { get; }

    /// <summary>
    /// Why the tail is not a record to keep, or null when there is no tail or it was kept.
    /// </summary>
    public string? TailProblem { get; }

    /// <summary>Whether the tail is a valid record, replayed but missing its line feed.</summary>
    public bool IsTailKept => TailLength > 0 && TailProblem is null;
}

/// <summary>Rebuilds the users from the bytes of the log, or rejects a damaged log.</summary>
/// <remarks>
/// Every record is written in one write call that ends with its line feed, and flushed to the
/// disk before the caller hears of success. A line that ends in a line feed was written whole,
/// so any fault in it is damage from elsewhere (a disk fault or a hand edit), and replay stops
/// rather than guess, even on the last line. Text after the last line feed is either a record
/// whose write did not finish or a hand edit without a final line feed. When it forms a valid
/// record that fits the earlier ones, it is replayed and kept. Otherwise the caller cuts it.
/// </remarks>
internal static class UserLogReplay
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Replays every complete line and a valid tail; throws <see cref="UserStoreException"/>
    /// naming the file and line of the first damaged complete line.
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
            string? problem = TryApplyLine(line, lineNumber, passwordHashes, registrationLines);
            if (problem is not null)
            {
                throw Damaged(logPath, lineNumber, problem);
            }

            lineStart += lineLength + 1;
        }

        ReadOnlySpan<byte> tail = content[lineStart..];
        string? tailProblem = null;
        if (!tail.IsEmpty)
        {
            tailProblem = TryApplyLine(tail, lineNumber + 1, passwordHashes, registrationLines);
        }

        int recordCount = tail.IsEmpty || tailProblem is not null ? lineNumber : lineNumber + 1;
        return new UserLogReplayResult(
            passwordHashes, recordCount, lineStart, tail.Length, tailProblem);
    }

    // Returns null after applying the line, or else the problem, and then changes nothing.
    private static string? TryApplyLine(
        ReadOnlySpan<byte> line,
        int lineNumber,
        Dictionary<string, string> passwordHashes,
        Dictionary<string, int> registrationLines)
    {
        if (!UserLogRecord.TryParse(line, out UserLogRecord record, out string? problem))
        {
            return problem;
        }

        if (record.Kind == UserLogRecordKind.Register)
        {
            if (registrationLines.TryGetValue(record.UserName, out int firstLine))
            {
                return $"a second register record for the user registered on line {firstLine}";
            }

            registrationLines.Add(record.UserName, lineNumber);
            passwordHashes.Add(record.UserName, record.PasswordHash);
            return null;
        }

        if (!passwordHashes.ContainsKey(record.UserName))
        {
            return "a rehash record for a user with no earlier register record";
        }

        passwordHashes[record.UserName] = record.PasswordHash;
        return null;
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
