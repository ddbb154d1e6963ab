using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Http;

/// <summary>Runner of one request: route, response, and one log line.</summary>
internal static class RequestProcessor
{
    /// <summary>
    /// Runs the router, or the override when one is given, and writes the response. A handler
    /// exception becomes a logged 500, and a client that leaves becomes a client event in the
    /// log; neither reaches the accept loop.
    /// </summary>
    public static async Task ProcessAsync(
        HttpListenerContext context,
        Router router,
        RouteHandler? handlerOverride,
        ServerLog log,
        CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        string method = context.Request.HttpMethod;

        string path = RequestPath(context.Request);
        ApiResponse answer;
        try
        {
            answer = handlerOverride is null
                ? await router.DispatchAsync(context, path, cancellationToken)
                : await handlerOverride(context, cancellationToken);
        }
        catch (ClientDisconnectedException exception)
        {
            string cause = exception.InnerException?.Message ?? exception.Message;
            LogClientEvent(log, method, path, started, $"client disconnected mid-body: {cause}");
            context.Response.Abort();
            return;
        }
        catch (Exception exception)
        {
            log.WriteError($"{method} {path}", exception);
            answer = Responses.InternalError;
        }

        if (answer.AlreadySent)
        {
            LogRequest(log, method, path, answer, started);
            return;
        }

        try
        {
            await ResponseWriter.WriteAsync(context.Response, answer);
        }
        catch (Exception exception) when (exception
            is HttpListenerException or IOException or ObjectDisposedException)
        {
            // A reset before the response is sent, or a request the listener already refused
            // (for example 411 without a length), disposes the response.
            string reason = $"answer {answer.StatusCode} not delivered: {exception.Message}";
            LogClientEvent(log, method, path, started, reason);
            context.Response.Abort();
            return;
        }

        LogRequest(log, method, path, answer, started);
    }

    // Routes match the path as sent, so /get%2Djwt and /x/../get-jwt are not /get-jwt, which
    // Url.AbsolutePath would make them by decoding and removing dot segments. The query string
    // is never logged or routed on. An absolute-form target (http://host/path) keeps the
    // listener's parsed path.
    private static string RequestPath(HttpListenerRequest request)
    {
        string? rawUrl = request.RawUrl;
        if (rawUrl is null || !rawUrl.StartsWith('/'))
        {
            return request.Url?.AbsolutePath ?? "/";
        }

        int query = rawUrl.IndexOf('?');
        return query < 0 ? rawUrl : rawUrl[..query];
    }

    private static void LogRequest(
        ServerLog log,
        string method,
        string path,
        ApiResponse answer,
        long started)
    {
        double milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        string line = $"{ServerLog.Timestamp()} {method} {path} {answer.StatusCode} "
            + $"{milliseconds:0.0} ms";
        if (answer.StatusCode >= 400 && answer.LogReason is not null)
        {
            line += $" - {ToOneLine(answer.LogReason)}";
        }

        log.Write(line);
    }

    private static void LogClientEvent(
        ServerLog log,
        string method,
        string path,
        long started,
        string reason)
    {
        double milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        string time = ServerLog.Timestamp();
        log.Write($"{time} {method} {path} client {milliseconds:0.0} ms - {ToOneLine(reason)}");
    }

    // Each log entry is one line, but exception messages may contain line breaks, as
    // ObjectDisposedException's "Object name: ..." does.
    private static string ToOneLine(string text)
    {
        return text.ReplaceLineEndings(" ");
    }
}
