using System.Globalization;
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
        response.StatusCode = answer.StatusCode;
        response.ContentType = "application/json";
        response.ContentLength64 = answer.Body.Length;

        // The listener's default names it, version included, which tells an attacker nothing
        // useful but is not needed either.
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

        await response.OutputStream.WriteAsync(answer.Body);
        response.Close();
    }
}
