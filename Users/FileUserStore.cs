using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Users;

/// <summary>
/// User store kept in an append-only JSON Lines log, <c>users.jsonl</c>, in the data folder:
/// one record per registration or password rehash, replayed into memory when the store opens.
/// </summary>
public sealed class FileUserStore : IUserStore
{
    private readonly FileStream _lockFile;
    private readonly UserLogFile _log;

    // Readers look up this dictionary without waiting. A name enters it only after its record
    // is on the disk, so a login never finds a user who could be lost in a crash.
    private readonly ConcurrentDictionary<string, string> _passwordHashes;

    // One writer at a time checks the name, appends the record and flushes it while holding
    // the gate, so two registrations of one name can never both be written.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private int _isDisposed;

    private FileUserStore(
        FileStream lockFile,
        UserLogFile log,
        UserLogReplayResult replay)
    {
        _lockFile = lockFile;
        _log = log;
        _passwordHashes = new ConcurrentDictionary<string, string>(
            replay.PasswordHashes,
            StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public int Count => _passwordHashes.Count;

    /// <summary>
    /// Opens the store in a data folder: creates the folder and log when missing, takes the
    /// folder's lock file and replays the log. A valid last record without its line feed is
    /// kept; other text after the last line feed is saved next to the log and cut off.
    /// </summary>
    /// <param name="dataDirectory">Folder for the lock file and the log.</param>
    /// <param name="log">
    /// Receives start-up lines, such as the user count, a kept record or a cut record.
    /// </param>
    /// <exception cref="DataDirectoryInUseException">
    /// Another open store, in this process or another, holds the folder's lock file.
    /// </exception>
    /// <exception cref="UserStoreException">
    /// The log is damaged (the message names file and line, and the file is left unchanged) or
    /// could not be read.
    /// </exception>
    public static FileUserStore Open(string dataDirectory, Action<string> log)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(log);

        string logPath = Path.Combine(dataDirectory, DataDirectory.LogFileName);
        FileStream? lockFile = null;
        try
        {
            DataDirectory.Create(dataDirectory);
            lockFile = DataDirectory.AcquireLock(dataDirectory);
            UserLogFile logFile = UserLogFile.Open(logPath, log, out UserLogReplayResult replay);

            var store = new FileUserStore(lockFile, logFile, replay);
            log($"Loaded {store.Count} users from {replay.RecordCount} records in '{logPath}'.");
            return store;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            lockFile?.Dispose();
            string message = $"Could not open the user store in '{dataDirectory}': "
                + exception.Message;
            throw new UserStoreException(message, logPath, exception);
        }
        catch
        {
            lockFile?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public bool TryGetPasswordHash(
        string userName,
        [NotNullWhen(true)] out string? passwordHash)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return _passwordHashes.TryGetValue(userName, out passwordHash);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The token cancels only the wait for the write gate. A record whose write has started is
    /// finished, so a cancellation never leaves a record cut short in the log.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The name breaks the user name rules or the hash is not in the stored format.
    /// </exception>
    public async ValueTask<bool> TryAddAsync(
        string userName,
        string passwordHash,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        ThrowIfReplayWouldReject(userName, passwordHash);
        ObjectDisposedException.ThrowIf(_isDisposed != 0, this);

        // A taken name needs no disk work and no wait for the gate.
        if (_passwordHashes.ContainsKey(userName))
        {
            return false;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_isDisposed != 0, this);

            // The writer that held the gate before this one may have added the same name.
            if (_passwordHashes.ContainsKey(userName))
            {
                return false;
            }

            _log.Append(new UserLogRecord(UserLogRecordKind.Register, userName, passwordHash));
            _passwordHashes[userName] = passwordHash;
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The new hash is not in the stored format.</exception>
    public async ValueTask<bool> TryUpdatePasswordHashAsync(
        string userName,
        string newPasswordHash,
        string expectedPasswordHash,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(newPasswordHash);
        ArgumentException.ThrowIfNullOrEmpty(expectedPasswordHash);
        ThrowIfReplayWouldReject(userName, newPasswordHash);
        ObjectDisposedException.ThrowIf(_isDisposed != 0, this);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_isDisposed != 0, this);

            // Only writers change the hash, and they hold the gate, so the comparison stays true
            // until the record is written. An unknown user also fails it, and replay would reject
            // a rehash record for one.
            if (!_passwordHashes.TryGetValue(userName, out string? currentHash)
                || !string.Equals(currentHash, expectedPasswordHash, StringComparison.Ordinal))
            {
                return false;
            }

            _log.Append(new UserLogRecord(UserLogRecordKind.Rehash, userName, newPasswordHash));
            _passwordHashes[userName] = newPasswordHash;
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // A record that replay rejects would stop the next start, so it is never written.
    private static void ThrowIfReplayWouldReject(string userName, string passwordHash)
    {
        string? problem = UserRecordRules.FindProblem(userName, passwordHash);
        if (problem is not null)
        {
            throw new ArgumentException($"The record cannot be stored because {problem}.");
        }
    }

    /// <summary>Waits for a write in progress, then closes the log and releases the lock.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _isDisposed, 1) != 0)
        {
            return;
        }

        // A writer still waiting for the gate enters after this and finds the store disposed.
        _writeGate.Wait();
        try
        {
            _log.Dispose();
            _lockFile.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
