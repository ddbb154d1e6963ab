using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TinyJwt.Cli;

/// <summary>Formats decoded header or payload bytes as indented JSON for a terminal.</summary>
internal static class JsonDisplay
{
    /// <summary>
    /// Returns the lines of <paramref name="json"/> indented, each escaped for the terminal, or
    /// null with <paramref name="problem"/> set when the bytes are not one JSON object.
    /// </summary>
    public static string[]? TryFormat(byte[] json, out string? problem)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"a JSON {document.RootElement.ValueKind}, not an object";
                return null;
            }

            var buffer = new MemoryStream();
            var options = new JsonWriterOptions
            {
                Indented = true,
                // Show non-ASCII text as itself; control characters are still escaped.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                document.RootElement.WriteTo(writer);
            }

            string text = Encoding.UTF8.GetString(buffer.ToArray());
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                lines[i] = DisplayText.Escape(lines[i].TrimEnd('\r'));
            }

            problem = null;
            return lines;
        }
        catch (JsonException exception)
        {
            problem = "not valid JSON: " + DisplayText.Escape(exception.Message);
            return null;
        }
    }
}
