using System;
using System.IO;
using System.Threading;
using TinyJwt.Users;

namespace TinyJwt.Http;

/// <summary>
/// Response and log lines for a user store write that failed, such as on a full disk.
/// </summary>
/// <remarks>
/// A full disk fails every registration until space is freed, so the stack trace, the same
/// each time, goes to standard error for the first failure only. Each failure still logs one
/// line with the exception type and message and a running count.
/// </remarks>
internal sealed class UserStoreWriteFailures(ServerLog log)
{
    /// <summary>Seconds a client is asked to wait, long enough for someone to free space.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>The 503 sent when a user store write failed.</summary>
    public static readonly ApiResponse Response = ApiResponse.Error(
        503,
        "User store cannot be written; try again later",
        "user store write failed") with { RetryAfterSeconds = RetryAfterSeconds };

    private int _failureCount;

    /// <summary>
    /// Tells a write failure from a bug: an I/O error, or the store rejecting writes after an
    /// earlier one that it could not undo.
    /// </summary>
    public static bool IsWriteFailure(Exception exception)
    {
        return exception is IOException or UserStoreException;
    }

    /// <summary>Logs the failure: one line each time, the stack trace the first time.</summary>
    public void Record(string context, Exception exception)
    {
        int count = Interlocked.Increment(ref _failureCount);
        if (count == 1)
        {
            log.WriteError($"{context} (first user store write failure)", exception);
            return;
        }

        log.Write($"{ServerLog.Timestamp()} ERROR {context}: {exception.GetType().Name}: "
            + $"{exception.Message} (user store write failure {count} since start; "
            + "stack trace logged for the first only)");
    }
}
