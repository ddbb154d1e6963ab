using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TinyJwt.Http;

/// <summary>
/// Answer of a handler: status, JSON body bytes, optional headers, and the reason written to the
/// request log (never sent to the client).
/// </summary>
internal sealed record ApiResponse(int StatusCode, byte[] Body)
{
    /// <summary>Failure reason for the request log, or null on success.</summary>
    public string? LogReason { get; init; }

    /// <summary>Value of the <c>WWW-Authenticate</c> header, or null.</summary>
    public string? Challenge { get; init; }

    /// <summary>Value of the <c>Allow</c> header, or null.</summary>
    public string? Allow { get; init; }

    /// <summary>Seconds for the <c>Retry-After</c> header, or null.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Whether the connection is closed after this answer.</summary>
    public bool CloseConnection { get; init; }

    /// <summary>Whether the connection was cut, so the answer is only logged, never sent.</summary>
    public bool Aborted { get; init; }

    /// <summary>Builds <c>{"error": message}</c> with the given status.</summary>
    public static ApiResponse Error(int statusCode, string message, string? logReason = null)
    {
        return new ApiResponse(statusCode, Encode("error", message))
        {
            LogReason = logReason ?? message,
        };
    }

    /// <summary>Encodes a JSON object of one string member, then a newline.</summary>
    public static byte[] Encode(string name, string value)
    {
        return Encode(name, value, null, null);
    }

    /// <summary>Encodes a JSON object of two string members, then a newline.</summary>
    /// <remarks>
    /// Members come in the order given. Flask's jsonify sorts keys, and every answer here already
    /// lists them alphabetically. Non-ASCII text is escaped as \uXXXX, so bodies are ASCII.
    /// </remarks>
    public static byte[] Encode(string name, string value, string? secondName, string? secondValue)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(name, value);
            if (secondName is not null && secondValue is not null)
            {
                writer.WriteString(secondName, secondValue);
            }

            writer.WriteEndObject();
        }

        buffer.Write(NewLine);
        return buffer.WrittenSpan.ToArray();
    }

    private static ReadOnlySpan<byte> NewLine => "\n"u8;
}
