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
    /// the limit, 415 for another media type, or an aborted 408 when the client is too slow.
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
                "Request body is empty; send a JSON object with \"username\" and \"password\""));
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

        // HttpListener has no timeout for body reads, so a stalled client would hold this request
        // forever. Aborting the response closes the socket, which ends the pending read.
        using CancellationTokenRegistration abortOnTimeout =
            timeoutSource.Token.Register(() => context.Response.Abort());
        try
        {
            return await ReadAtMostAsync(request.InputStream, maxBytes, timeoutSource.Token);
        }
        catch (Exception exception) when (timeoutSource.IsCancellationRequested
            && exception is IOException or HttpListenerException or ObjectDisposedException
                or OperationCanceledException)
        {
            string reason = $"request body not received within {timeout.TotalSeconds:0.#} s; "
                + "connection closed";
            return (null, ApiResponse.Error(408, "Request body timed out", reason)
                with { Aborted = true });
        }
        catch (Exception exception) when (exception is IOException or HttpListenerException)
        {
            throw new ClientDisconnectedException(exception);
        }
    }

    private static async Task<(byte[]? Body, ApiResponse? Rejection)> ReadAtMostAsync(
        Stream input,
        int maxBytes,
        CancellationToken cancellationToken)
    {
        // One byte more than the limit tells a body at the limit from a larger one.
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
