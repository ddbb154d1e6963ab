using System;
using System.Globalization;
using System.IO;

namespace TinyJwt.Users;

/// <summary>Creates the data folder and opens the lock file and the user log inside it.</summary>
internal static class DataDirectory
{
    public const string LockFileName = "tinyjwt.lock";
    public const string LogFileName = "users.jsonl";

    // On Unix the folder and its files are created readable by their owner only, because the
    // log contains password hashes, which an attacker could try to crack offline.
    private const UnixFileMode OwnerOnlyFolder =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // A sharing violation from FileShare.None reports the platform's own code in HResult:
    // EWOULDBLOCK from flock on Linux (11) and macOS (35), ERROR_SHARING_VIOLATION on Windows.
    private const int LinuxWouldBlock = 11;
    private const int MacOSWouldBlock = 35;
    private const int WindowsSharingViolation = unchecked((int)0x80070020);

    // Names tried for a saved tail before giving up, which takes many starts in one second.
    private const int MaxSavedTailAttempts = 100;

    /// <summary>Creates the folder, owner-only on Unix (an existing one keeps its mode).</summary>
    public static void Create(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, OwnerOnlyFolder);
        }
    }

    /// <summary>
    /// Opens the lock file with <see cref="FileShare.None"/> and keeps it until the stream is
    /// disposed or the process exits. Throws <see cref="DataDirectoryInUseException"/> when
    /// another open stream, in this process or another, has it.
    /// </summary>
    /// <remarks>
    /// On Unix, .NET takes an advisory flock for FileShare.None, and the kernel releases it when
    /// the process dies, even by SIGKILL, so a crash never leaves the folder locked. Setting
    /// DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns this lock off.
    /// </remarks>
    public static FileStream AcquireLock(string dataDirectory)
    {
        string lockPath = Path.Combine(dataDirectory, LockFileName);
        try
        {
            return new FileStream(lockPath, CreateOptions(FileMode.OpenOrCreate, FileShare.None));
        }
        catch (IOException exception) when (IsSharingViolation(exception))
        {
            throw new DataDirectoryInUseException(dataDirectory, lockPath);
        }
    }

    /// <summary>Opens the user log for reading and appending, creating it when missing.</summary>
    /// <remarks>
    /// NOTE: the folder is not flushed after the log is created, because .NET has no call for
    /// it. After a power loss some file systems may lose a log created moments before.
    /// </remarks>
    public static FileStream OpenLog(string logPath)
    {
        // bufferSize 0 sends each record to the file in one write call, so a crash can tear
        // only the record being written, at the end of the file.
        FileStreamOptions options = CreateOptions(FileMode.OpenOrCreate, FileShare.Read);
        options.BufferSize = 0;
        return new FileStream(logPath, options);
    }

    /// <summary>
    /// Writes bytes cut from the end of the log to a new owner-only file next to it, named
    /// <c>users.jsonl.torn-</c> and the UTC time, flushed to the disk. Returns its path.
    /// </summary>
    public static string SaveCutTail(string logPath, ReadOnlySpan<byte> tail)
    {
        string stamp = DateTime.UtcNow.ToString(
            "yyyyMMdd'T'HHmmss'Z'",
            CultureInfo.InvariantCulture);
        string basePath = $"{logPath}.torn-{stamp}";

        // CreateNew never overwrites bytes saved by an earlier start in the same second.
        for (int attempt = 1; ; attempt++)
        {
            string path = attempt == 1 ? basePath : $"{basePath}-{attempt}";
            try
            {
                FileStreamOptions options = CreateOptions(FileMode.CreateNew, FileShare.None);
                using var file = new FileStream(path, options);
                file.Write(tail);
                file.Flush(flushToDisk: true);
                return path;
            }
            catch (IOException) when (File.Exists(path) && attempt < MaxSavedTailAttempts)
            {
                // Another file has this name, so try the next suffix.
            }
        }
    }

    private static FileStreamOptions CreateOptions(FileMode mode, FileShare share)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.ReadWrite,
            Share = share,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static bool IsSharingViolation(IOException exception)
    {
        // Subclasses such as FileNotFoundException are other failures.
        if (exception.GetType() != typeof(IOException))
        {
            return false;
        }

        int code = exception.HResult;
        return code == LinuxWouldBlock
            || code == MacOSWouldBlock
            || code == WindowsSharingViolation;
    }
}
