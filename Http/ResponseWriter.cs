using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Threading.Tasks;

namespace TinyJwt.Http;

/// <summary>Writer of an <see cref="ApiResponse"/> to the listener's response.</summary>
internal static class ResponseWriter
{
    /// <summary>Sends status, headers and body once, with a known Content-Length.</summary>
    /// <exception cref="HttpListenerException">The client reset the connection.</exception>
    public static async Task WriteAsync(HttpListenerResponse response, ApiResponse answer)
    {
        SetHeaders(response, answer);
        await response.OutputStream.WriteAsync(answer.Body);
        response.Close();
    }

    /// <summary>
    /// Sends the response synchronously from outside the request's task, as the body-read timer
    /// does, and closes the connection; a client already gone is ignored.
    /// </summary>
    public static void SendNow(HttpListenerResponse response, ApiResponse answer)
    {
        try
        {
            SetHeaders(response, answer);
            response.Close(answer.Body, willBlock: true);
        }
        catch (Exception exception) when (exception
            is HttpListenerException or IOException or ObjectDisposedException
                or InvalidOperationException)
        {
            // The client left first, so the response has nowhere to go.
        }
    }

    private static void SetHeaders(HttpListenerResponse response, ApiResponse answer)
    {
        response.StatusCode = answer.StatusCode;
        response.ContentType = "application/json";
        response.ContentLength64 = answer.Body.Length;

        // The listener's default value names the listener and its version, which no client needs.
        response.Headers[HttpResponseHeader.Server] = "TinyJwt";
        if (answer.Challenge is not null)
        {
            response.Headers[HttpResponseHeader.WwwAuthenticate] = answer.Challenge;
        }

        if (answer.Allow is not null)
        {
            response.Headers[HttpResponseHeader.Allow] = answer.Allow;
        }

        if (answer.RetryAfterSeconds is int seconds)
        {
            string value = seconds.ToString(CultureInfo.InvariantCulture);
            response.Headers[HttpResponseHeader.RetryAfter] = value;
        }

        if (answer.CloseConnection)
        {
            response.KeepAlive = false;
        }
    }
}
