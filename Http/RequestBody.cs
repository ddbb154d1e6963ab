using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Http;

/// <summary>Reader of a JSON request body under a size limit and a time limit.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Reads the body, or returns the rejection to send instead: 400 without a body, 413 over
    /// the limit, 415 for another media type, a 408 already sent when the client is too slow, or
    /// a 400 the listener already sent for a malformed chunked body.
    /// </summary>
    /// <exception cref="ClientDisconnectedException">The client left mid-body.</exception>
    public static async Task<(byte[]? Body, ApiResponse? Rejection)> ReadJsonAsync(
        HttpListenerContext context,
        int maxBytes,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        HttpListenerRequest request = context.Request;

        // The declared length decides before any byte is read. HttpListener reports -1 for a
        // chunked body, whose size is only known by reading it.
        long declaredLength = request.ContentLength64;
        if (declaredLength > maxBytes)
        {
            return (null, TooLarge(maxBytes, $"Content-Length {declaredLength} over the limit"));
        }

        if (!request.HasEntityBody || declaredLength == 0)
        {
            return (null, ApiResponse.Error(
                400,
                "Request body is empty; send a JSON object with username and password members"));
        }

        string? problem = ContentType.FindProblem(request.ContentType);
        if (problem is not null)
        {
            // The unread body would otherwise be drained before the next request is parsed.
            return (null, ApiResponse.Error(415, problem) with { CloseConnection = true });
        }

        using var timeoutSource =
            CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        string reason = $"request body not received within {timeout.TotalSeconds:0.#} s";
        ApiResponse timedOut = ApiResponse.Error(408, "Request body timed out", reason)
            with { CloseConnection = true };

        // HttpListener has no timeout for body reads, so a stalled client would hold this request
        // forever. On timeout the 408 is sent at once and the connection closed, which ends the
        // pending read. The state decides whether the read or the timer sends the response:
        // 0 while reading, 1 once the body is in, 2 once the timer has sent the 408.
        int state = 0;
        using CancellationTokenRegistration answerOnTimeout = timeoutSource.Token.Register(() =>
        {
            if (Interlocked.CompareExchange(ref state, 2, 0) == 0)
            {
                ResponseWriter.SendNow(context.Response, timedOut);
            }
        });
        try
        {
            (byte[]? Body, ApiResponse? Rejection) result =
                await ReadAtMostAsync(request.InputStream, maxBytes, timeoutSource.Token);
            if (Interlocked.CompareExchange(ref state, 1, 0) == 0)
            {
                return result;
            }
        }
        catch (Exception exception) when (Volatile.Read(ref state) == 2
            && exception is IOException or HttpListenerException or ObjectDisposedException
                or OperationCanceledException)
        {
            // The timer closed the connection under the read.
        }
        catch (HttpListenerException exception) when (declaredLength < 0
            && exception.ErrorCode == 400)
        {
            // The listener's chunked decoder failed, for example on a chunk size that is not
            // hex, and the listener has already sent its own 400 and closed the response. A
            // client that leaves mid-way through a Content-Length body also raises code 400,
            // so that case is excluded above and stays a client event.
            if (Interlocked.CompareExchange(ref state, 1, 0) == 0)
            {
                string cause = $"chunked body rejected by the listener: {exception.Message}";
                ApiResponse rejected = ApiResponse.Error(400, "Request body is not valid", cause);
                return (null, rejected with { AlreadySent = true, CloseConnection = true });
            }
        }
        catch (Exception exception) when (exception is IOException or HttpListenerException)
        {
            throw new ClientDisconnectedException(exception);
        }

        return (null, timedOut with { AlreadySent = true });
    }

    private static async Task<(byte[]? Body, ApiResponse? Rejection)> ReadAtMostAsync(
        Stream input,
        int maxBytes,
        CancellationToken cancellationToken)
    {
        // Reading one byte past the limit separates a body at the limit from a larger one.
        byte[] buffer = new byte[maxBytes + 1];
        int total = 0;
        while (total < buffer.Length)
        {
            int read = await input.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                return (buffer.AsSpan(0, total).ToArray(), null);
            }

            total += read;
        }

        return (null, TooLarge(maxBytes, "chunked body over the limit"));
    }

    private static ApiResponse TooLarge(int maxBytes, string reason)
    {
        string message = $"Request body is larger than {maxBytes} bytes";
        return ApiResponse.Error(413, message, reason) with { CloseConnection = true };
    }
}
