using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

/// <summary>The non-throwing RFC 8259 syntax check, compared with System.Text.Json.</summary>
public class JsonSyntaxTests
{
    // StrictJson's depth limit, the default of Utf8JsonReader.
    private const int MaxDepth = 64;

    [TestCase("{}")]
    [TestCase("[]")]
    [TestCase(" \t\r\n{ \"a\" : [ 1 , 2 ] } \t\r\n")]
    [TestCase("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")]
    [TestCase("{\"a\":{\"b\":[{},[],null]}}")]
    [TestCase("\"\"")]
    [TestCase("\"plain text, caf\u00e9 \ud83d\ude00\"")]
    [TestCase("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")]
    [TestCase("\"\\u0000 \\u00e9 \\u00E9 \\uFFFF\"")]
    [TestCase("\"\\ud83d\\ude00\"")]
    [TestCase("\"\u007f\"")]
    [TestCase("0")]
    [TestCase("-0")]
    [TestCase("123")]
    [TestCase("-1.5")]
    [TestCase("0.25e10")]
    [TestCase("1E+2")]
    [TestCase("1e-2")]
    [TestCase("10.01")]
    [TestCase("true")]
    [TestCase("false")]
    [TestCase("null")]
    [TestCase("[true,false,null,0,\"s\",{},[]]")]
    public void IsWellFormed_ValidJson_ReturnsTrue(string json)
    {
        Assert.That(JsonSyntax.IsWellFormed(Encoding.UTF8.GetBytes(json), MaxDepth), Is.True);
    }

    [TestCase("", TestName = "{m}(empty)")]
    [TestCase(" \t\r\n", TestName = "{m}(whitespace only)")]
    [TestCase("[1,]")]
    [TestCase("{\"a\":1,}")]
    [TestCase("[,1]")]
    [TestCase("01")]
    [TestCase("-01")]
    [TestCase("1.")]
    [TestCase(".5")]
    [TestCase("-")]
    [TestCase("1e")]
    [TestCase("1e+")]
    [TestCase("+1")]
    [TestCase("0x10")]
    [TestCase("{a:1}")]
    [TestCase("{'a':1}")]
    [TestCase("'a'")]
    [TestCase("\"a\u0001b\"", TestName = "{m}(raw U+0001 in string)")]
    [TestCase("\"a\nb\"", TestName = "{m}(raw line feed in string)")]
    [TestCase("\"\\x41\"")]
    [TestCase("\"\\u12\"")]
    [TestCase("\"\\u12G4\"")]
    [TestCase("\"\\ud800\"")]
    [TestCase("\"\\udc00\"")]
    [TestCase("\"\\ud800x\"")]
    [TestCase("\"\\ud800\\u0041\"")]
    [TestCase("\"\\ud800\\ud800\"")]
    [TestCase("\"\\ud800\\n\"")]
    [TestCase("{\"\\udc00\":1}")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-Infinity")]
    [TestCase("True")]
    [TestCase("nul")]
    [TestCase("truex")]
    [TestCase("[1] // comment")]
    [TestCase("/* comment */ {}")]
    [TestCase("{} {}")]
    [TestCase("1 2")]
    [TestCase("{}x")]
    [TestCase("\"abc")]
    [TestCase("\"abc\\")]
    [TestCase("{\"a\":1")]
    [TestCase("{\"a\"")]
    [TestCase("{\"a\":}")]
    [TestCase("[1")]
    [TestCase("[1 2]")]
    [TestCase("{\"a\" 1}")]
    [TestCase("{\"a\":1 \"b\":2}")]
    [TestCase("\u00a0{}", TestName = "{m}(no-break space is not whitespace)")]
    public void IsWellFormed_InvalidJson_ReturnsFalse(string json)
    {
        Assert.That(JsonSyntax.IsWellFormed(Encoding.UTF8.GetBytes(json), MaxDepth), Is.False);
    }

    [TestCase("[", "]", 64, true)]
    [TestCase("[", "]", 65, false)]
    [TestCase("{\"a\":", "}", 64, true)]
    [TestCase("{\"a\":", "}", 65, false)]
    public void IsWellFormed_NestedLevels_MatchesReaderLimit(
        string open, string close, int levels, bool expected)
    {
        byte[] json = Nest(open, close, levels);

        JsonObjectCheck expectedCheck = expected
            ? JsonObjectCheck.Valid
            : JsonObjectCheck.Malformed;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonSyntax.IsWellFormed(json, MaxDepth), Is.EqualTo(expected));
            Assert.That(ReadsWithoutThrowing(json), Is.EqualTo(expected));
            if (open == "{\"a\":")
            {
                Assert.That(StrictJson.CheckObject(json), Is.EqualTo(expectedCheck));
            }
        }
    }

    [Test]
    public void IsWellFormed_MutatedInputs_MatchReader()
    {
        var random = new Random(8259);
        var disagreements = new List<string>();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] json = Mutate(random, Seeds[random.Next(Seeds.Length)]);
            if (!Utf8.IsValid(json))
            {
                // StrictJson checks UTF-8 before the syntax, so only valid UTF-8 reaches it.
                continue;
            }

            bool expected = ReadsWithoutThrowing(json);
            bool actual = JsonSyntax.IsWellFormed(json, MaxDepth);
            if (expected != actual)
            {
                disagreements.Add($"{Encoding.UTF8.GetString(json)} -> {actual}");
            }

            if (expected)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }
        }

        TestContext.Out.WriteLine($"{accepted} inputs accepted and {rejected} rejected.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(disagreements.Take(10), Is.Empty, $"{disagreements.Count} disagreements");
            Assert.That(accepted, Is.GreaterThan(200), "inputs System.Text.Json accepts");
            Assert.That(rejected, Is.GreaterThan(200), "inputs System.Text.Json rejects");
        }
    }

    [Test]
    public void Verify_HeaderNotJson_ThrowsNoException()
    {
        TokenVerifier verifier = TestTokens.CreateVerifier();
        string token = TestTokens.Sign("{\"alg\":", TestTokens.Claims());
        int testThread = Environment.CurrentManagedThreadId;
        int exceptions = 0;
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == testThread)
            {
                exceptions++;
            }
        }

        TokenVerificationResult result;
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            result = verifier.Verify(token);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Is.EqualTo(TokenFailure.InvalidHeader));
            Assert.That(exceptions, Is.Zero, "first-chance exceptions on the test thread");
        }
    }

    // Valid documents of each kind, plus the depth limit, for the mutation test to break.
    private static readonly string[] Seeds =
    [
        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        "{\"sub\":\"Romel\",\"iat\":1700000000,\"exp\":1700003600,\"aud\":[\"a\",\"b\"]}",
        "{\"a\":{\"b\":[true,false,null,{}]},\"c\":[]}",
        "[-0.5e+10,1E-2,0,-12.0,3e7]",
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 caf\u00e9\"",
        "{\"\\u0065xp\":\"\\ud800\\udc00\"}",
        " [ 1 , \"x\" , null ] ",
        Encoding.UTF8.GetString(Nest("[", "]", 64)),
        Encoding.UTF8.GetString(Nest("{\"a\":", "}", 63)),
    ];

    // Fragments that make or break JSON: structure, escapes, number parts and near-misses.
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u00e9",
        "\\x", "\\n", "0", "1", "9", "-", "+", ".", "e", "E", " ", "\t", "\n", "\u0001",
        "true", "nul", "false", "null", "'", "/*", "//", "\u00e9", "\ud83d\ude00", "NaN",
        "[[", "]]", "{\"k\":", "\"v\"",
    ];

    private static byte[] Mutate(Random random, string seed)
    {
        var text = new StringBuilder(seed);
        int edits = random.Next(1, 4);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(text.Length + 1);
            switch (random.Next(3))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
                    break;
                default:
                    // Overwriting as many characters as the fragment has keeps most of the structure.
                    string fragment = Fragments[random.Next(Fragments.Length)];
                    int length = Math.Min(fragment.Length, text.Length - at);
                    text.Remove(at, length).Insert(at, fragment);
                    break;
            }
        }

        // A quarter of the time keep the seed unchanged so valid documents stay common.
        return Encoding.UTF8.GetBytes(random.Next(4) == 0 ? seed : text.ToString());
    }

    // The oracle: Utf8JsonReader (through JsonDocument, MaxDepth 64) reads to the end, and every
    // string value and member name unescapes.
    private static bool ReadsWithoutThrowing(byte[] json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            UnescapeAll(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void UnescapeAll(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    UnescapeAll(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    _ = member.Name;
                    UnescapeAll(member.Value);
                }

                break;
        }
    }

    private static byte[] Nest(string open, string close, int levels)
    {
        string json = string.Concat(Enumerable.Repeat(open, levels))
            + "0" + string.Concat(Enumerable.Repeat(close, levels));
        return Encoding.UTF8.GetBytes(json);
    }
}
