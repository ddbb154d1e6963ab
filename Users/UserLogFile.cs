using System;
using System.IO;

namespace TinyJwt.Users;

/// <summary>
/// Open user log: replayed once when opened, then appended to, one flushed record at a time.
/// </summary>
/// <remarks>Not thread-safe, so the owner lets one writer at a time append.</remarks>
internal sealed class UserLogFile : IDisposable
{
    private readonly string _path;
    private readonly FileStream _stream;

    // End of the last complete record; a failed append is cut back to it.
    private long _length;

    // Set when a failed append could not be cut back. The log may then end in a partial
    // record, and a later append would bury it in the middle of the file.
    private bool _isFaulted;

    private UserLogFile(string path, FileStream stream, long length)
    {
        _path = path;
        _stream = stream;
        _length = length;
    }

    /// <summary>
    /// Opens the log, creating it when missing, and replays it. A valid last record without its
    /// line feed is kept and ended, any other text after the last line feed is saved to a file
    /// and cut off, both are reported to <paramref name="log"/>, and damage throws
    /// <see cref="UserStoreException"/>.
    /// </summary>
    public static UserLogFile Open(string path, Action<string> log, out UserLogReplayResult replay)
    {
        FileStream stream = DataDirectory.OpenLog(path);
        try
        {
            replay = Replay(stream, path, log);
            return new UserLogFile(path, stream, stream.Length);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the record in one write call and flushes it to the disk. An I/O error cuts the
    /// file back to the end of the previous record and is rethrown.
    /// </summary>
    public void Append(UserLogRecord record)
    {
        if (_isFaulted)
        {
            throw new UserStoreException(
                $"An earlier write to the user log '{_path}' failed and could not be undone. "
                    + "Restart the server, which cuts off the partial record.",
                _path);
        }

        byte[] line = record.ToJsonLine();
        try
        {
            _stream.Write(line);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            CutBackFailedAppend();
            throw;
        }

        _length += line.Length;
    }

    /// <summary>Closes the file; every record was already flushed when it was written.</summary>
    public void Dispose()
    {
        _stream.Dispose();
    }

    private static UserLogReplayResult Replay(FileStream stream, string path, Action<string> log)
    {
        // NOTE: replay reads the whole log into memory at once (a record is about 150 bytes),
        // and a log over 2 GiB is rejected.
        if (stream.Length > Array.MaxLength)
        {
            throw new UserStoreException($"The user log '{path}' is too large to load.", path);
        }

        byte[] content = new byte[stream.Length];
        stream.ReadExactly(content);

        // Replay throws for damage before anything is written, so a damaged log stays as it was.
        UserLogReplayResult replay = UserLogReplay.Replay(content, path);
        if (replay.IsTailKept)
        {
            EndKeptTail(stream, path, replay, log);
        }
        else if (replay.TailLength > 0)
        {
            CutTail(stream, path, content.AsSpan((int)replay.CompleteLength), replay, log);
        }

        stream.Seek(0, SeekOrigin.End);
        return replay;
    }

    // A valid record without its line feed, most often from a hand edit, gets the line feed,
    // so that the next append starts a new line instead of joining it.
    private static void EndKeptTail(
        FileStream stream,
        string path,
        UserLogReplayResult replay,
        Action<string> log)
    {
        stream.Seek(0, SeekOrigin.End);
        stream.Write("\n"u8);
        stream.Flush(flushToDisk: true);
        log($"The last record in '{path}' (line {replay.RecordCount}) had no final line feed. "
            + "It is a valid record, so it was kept and a line feed was added.");
    }

    // Saves the bytes to a file next to the log before cutting them, because they may be a
    // hand edit rather than a torn write. A failed save stops the start before the log changes.
    private static void CutTail(
        FileStream stream,
        string path,
        ReadOnlySpan<byte> tail,
        UserLogReplayResult replay,
        Action<string> log)
    {
        string savedPath = DataDirectory.SaveCutTail(path, tail);
        stream.SetLength(replay.CompleteLength);
        stream.Flush(flushToDisk: true);

        string position = replay.RecordCount == 0
            ? $"{replay.TailLength} bytes, the whole file"
            : $"{replay.TailLength} bytes after line {replay.RecordCount}";
        log($"Cut an incomplete last record ({position}) from "
            + $"'{path}' because {replay.TailProblem}, and saved the bytes to '{savedPath}'. "
            + "A write that did not finish, as in a crash, leaves such a record, and no client "
            + "received a success for it. Every record before it was kept.");
    }

    private void CutBackFailedAppend()
    {
        try
        {
            _stream.SetLength(_length);
            _stream.Position = _length;
        }
        catch (IOException)
        {
            // The append's own exception reports the failure; this one only stops later appends.
            _isFaulted = true;
        }
    }
}
