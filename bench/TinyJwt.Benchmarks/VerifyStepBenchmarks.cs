using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using TinyJwt.Crypto;

namespace TinyJwt.Benchmarks;

/// <summary>
/// Times the main steps of <see cref="TokenVerifier.Verify(ReadOnlySpan{char})"/> one by one, on
/// a token issued as in <see cref="TokenBenchmarks"/>, to show where a valid token's time goes.
/// </summary>
[MemoryDiagnoser]
public class VerifyStepBenchmarks
{
    // The secret text of TokenBenchmarks, so both classes sign with the same 43-byte key.
    private const string SecretText = "p1cxIdQv0o9Ck9Y3uTEcQ4Y3y5bO7mDk7fTyb2N0Jp8";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(SecretText);
    private readonly byte[] _decoded = new byte[256];
    private readonly byte[] _signature = new byte[Hs256.SignatureLength];
    private Hs256Signer _signer = null!; // Set in Setup, which BenchmarkDotNet runs first.
    private TokenVerifier _verifier = null!; // Set in Setup.
    private string _token = "";
    private string _encodedPayload = "";
    private byte[] _header = [];
    private byte[] _payload = [];
    private byte[] _signingInput = [];

    [GlobalSetup]
    public void Setup()
    {
        var issuer = new TokenIssuer(_key, TimeProvider.System, TimeSpan.FromHours(1));
        _signer = new Hs256Signer(_key);
        _verifier = new TokenVerifier(_key, TimeProvider.System);
        _token = issuer.Issue("alice");
        string[] segments = _token.Split('.');
        _encodedPayload = segments[1];
        _header = System.Buffers.Text.Base64Url.DecodeFromChars(segments[0]);
        _payload = System.Buffers.Text.Base64Url.DecodeFromChars(segments[1]);
        _signingInput = Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
    }

    [Benchmark(Baseline = true, Description = "Verify: valid, all steps")]
    public TokenVerificationResult VerifyValid()
    {
        return _verifier.Verify(_token);
    }

    [Benchmark(Description = "Hs256Signer.ComputeSignature (signing input)")]
    public byte[] ComputeSignature()
    {
        _signer.ComputeSignature(_signingInput, _signature);
        return _signature;
    }

    [Benchmark(Description = "StrictJson.CheckObject (header)")]
    public bool CheckHeaderObject()
    {
        return StrictJson.CheckObject(_header) == JsonObjectCheck.Valid;
    }

    [Benchmark(Description = "JoseHeader.Read (header)")]
    public bool ReadHeader()
    {
        return JoseHeader.Read(_header).AlgorithmIsHs256;
    }

    [Benchmark(Description = "Base64Url.TryDecode (payload)")]
    public bool DecodePayload()
    {
        return Base64Url.TryDecode(_encodedPayload, _decoded, out _);
    }

    [Benchmark(Description = "StrictJson.CheckObject (payload)")]
    public bool CheckPayloadObject()
    {
        return StrictJson.CheckObject(_payload) == JsonObjectCheck.Valid;
    }

    [Benchmark(Description = "JwtClaims.Read (payload)")]
    public string? ReadClaims()
    {
        return JwtClaims.Read(_payload).Subject;
    }
}
