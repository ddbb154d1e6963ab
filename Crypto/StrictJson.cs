using System;
using System.Text.Json;
using System.Text.Unicode;

namespace TinyJwt.Crypto;

/// <summary>The outcome of checking that bytes are one strict JSON object.</summary>
internal enum JsonObjectCheck
{
    Valid,
    ByteOrderMark,
    InvalidUtf8,
    Malformed,
    NotAnObject,
    DuplicateMember,
}

/// <summary>Checks that bytes are a single UTF-8 JSON object with unique member names.</summary>
/// <remarks>
/// System.Text.Json accepts duplicate member names, so this walk checks each object level itself
/// on the decoded names: "\u0065xp" and "exp" are the same name. RFC 7515 §4 and RFC 7519 §4
/// allow a parser to reject duplicates, and rejecting them closes the gap where two parsers read
/// different values from one token.
/// </remarks>
internal static class StrictJson
{
    // The default reader depth. Deeper documents fail the syntax check and count as malformed.
    private const int MaxDepth = 64;

    // Documents up to this size keep their scratch buffers on the stack.
    private const int StackBufferSize = 512;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Checks the bytes without throwing on any input.</summary>
    public static JsonObjectCheck CheckObject(ReadOnlySpan<byte> json)
    {
        // RFC 8259 §8.1 forbids a byte-order mark in JSON sent over a network.
        if (json.StartsWith(Utf8ByteOrderMark))
        {
            return JsonObjectCheck.ByteOrderMark;
        }

        if (!Utf8.IsValid(json))
        {
            return JsonObjectCheck.InvalidUtf8;
        }

        // Check the grammar first: Utf8JsonReader throws on malformed JSON, and a rejected token
        // should cost less than a valid one.
        if (!JsonSyntax.IsWellFormed(json, MaxDepth))
        {
            return JsonObjectCheck.Malformed;
        }

        // Decoded names and strings are never longer than their escaped JSON text, so a buffer as
        // long as the document has room for the names of all open objects plus one string.
        Span<byte> names = json.Length <= StackBufferSize
            ? stackalloc byte[StackBufferSize]
            : new byte[json.Length];

        // Each member takes at least 4 bytes ("":0), which bounds the number of names.
        int maxNames = (json.Length / 4) + 1;
        Span<int> nameEnds = maxNames <= StackBufferSize / 4
            ? stackalloc int[StackBufferSize / 4]
            : new int[maxNames];
        Span<int> objectFirstName = stackalloc int[MaxDepth + 1];

        try
        {
            return Walk(json, names, nameEnds, objectFirstName);
        }
        catch (JsonException)
        {
            // The reader throws for malformed JSON. JsonSyntax has already rejected syntax errors,
            // so this is a backstop in case the two ever disagree.
            return JsonObjectCheck.Malformed;
        }
        catch (InvalidOperationException)
        {
            // Unescaping an unpaired surrogate escape such as "\ud800" throws. JsonSyntax has
            // already rejected those, so this is a backstop too.
            return JsonObjectCheck.Malformed;
        }
    }

    private static JsonObjectCheck Walk(
        ReadOnlySpan<byte> json,
        Span<byte> names,
        Span<int> nameEnds,
        Span<int> objectFirstName)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonObjectCheck.NotAnObject;
        }

        int openObjects = 0;
        int nameCount = 0;
        objectFirstName[openObjects++] = nameCount;
        while (reader.Read())
        {
            int nameBytes = nameCount == 0 ? 0 : nameEnds[nameCount - 1];
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objectFirstName[openObjects++] = nameCount;
                    break;
                case JsonTokenType.EndObject:
                    // Names of a closed object leave the list; its parent's names stay below.
                    nameCount = objectFirstName[--openObjects];
                    break;
                case JsonTokenType.PropertyName:
                    int length = reader.CopyString(names[nameBytes..]);
                    ReadOnlySpan<byte> name = names.Slice(nameBytes, length);
                    int firstName = objectFirstName[openObjects - 1];
                    if (IsDuplicate(name, names, nameEnds, firstName, nameCount))
                    {
                        return JsonObjectCheck.DuplicateMember;
                    }

                    nameEnds[nameCount++] = nameBytes + length;
                    break;
                case JsonTokenType.String:
                    // Unescape into free scratch space only to prove the string is valid Unicode.
                    reader.CopyString(names[nameBytes..]);
                    break;
            }
        }

        return JsonObjectCheck.Valid;
    }

    private static bool IsDuplicate(
        ReadOnlySpan<byte> name,
        ReadOnlySpan<byte> names,
        ReadOnlySpan<int> nameEnds,
        int firstName,
        int nameCount)
    {
        for (int i = firstName; i < nameCount; i++)
        {
            int start = i == 0 ? 0 : nameEnds[i - 1];
            ReadOnlySpan<byte> earlier = names[start..nameEnds[i]];
            if (earlier.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}
