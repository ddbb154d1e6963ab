using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BclBase64Url = System.Buffers.Text.Base64Url;
using TinyJwtBase64Url = TinyJwt.Crypto.Base64Url;

namespace TinyJwt.Benchmarks;

/// <summary>
/// Compares TinyJwt's hand-written base64url with the base library's
/// <see cref="System.Buffers.Text.Base64Url"/> at the sizes of a JWT header and payload.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class Base64UrlBenchmarks
{
    // The JOSE header TinyJwt issues (27 bytes) and a typical claims set (49 bytes).
    private const string HeaderJson = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private const string PayloadJson = "{\"sub\":\"alice\",\"iat\":1700000000,\"exp\":1700003600}";

    private byte[] _bytes = [];
    private string _encoded = "";

    [Params("header", "payload")]
    public string Segment { get; set; } = "header";

    [GlobalSetup]
    public void Setup()
    {
        string json = Segment == "header" ? HeaderJson : PayloadJson;
        _bytes = Encoding.UTF8.GetBytes(json);
        _encoded = BclBase64Url.EncodeToString(_bytes);

        // Both encoders must agree, or the comparison measures two different jobs.
        string tinyJwtEncoded = TinyJwtBase64Url.Encode(_bytes);
        if (tinyJwtEncoded != _encoded)
        {
            throw new InvalidOperationException(
                $"Base64Url.Encode gave '{tinyJwtEncoded}', the base library '{_encoded}'.");
        }
    }

    [Benchmark(Baseline = true, Description = "BCL Base64Url.EncodeToString")]
    [BenchmarkCategory("Encode")]
    public string EncodeWithBcl()
    {
        return BclBase64Url.EncodeToString(_bytes);
    }

    [Benchmark(Description = "TinyJwt Base64Url.Encode")]
    [BenchmarkCategory("Encode")]
    public string EncodeWithTinyJwt()
    {
        return TinyJwtBase64Url.Encode(_bytes);
    }

    [Benchmark(Baseline = true, Description = "BCL Base64Url.DecodeFromChars")]
    [BenchmarkCategory("Decode")]
    public byte[] DecodeWithBcl()
    {
        return BclBase64Url.DecodeFromChars(_encoded);
    }

    [Benchmark(Description = "TinyJwt Base64Url.TryDecode")]
    [BenchmarkCategory("Decode")]
    public byte[]? DecodeWithTinyJwt()
    {
        TinyJwtBase64Url.TryDecode(_encoded, out byte[]? bytes);
        return bytes;
    }
}
