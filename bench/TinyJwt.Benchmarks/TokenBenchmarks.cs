using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TinyJwt.Crypto;

namespace TinyJwt.Benchmarks;

/// <summary>
/// Times issuing and verifying one HS256 token with TinyJwt, against the raw HMAC-SHA-256 of
/// the token's signing input and IdentityModel's <see cref="JsonWebTokenHandler"/>.
/// </summary>
/// <remarks>
/// The exception column shows which rejections throw inside the library, even when the
/// caller only sees a result.
/// </remarks>
[MemoryDiagnoser]
[ExceptionDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TokenBenchmarks
{
    // A 43-character secret text, as TinyJwt generates: its UTF-8 bytes are the HMAC key.
    private const string SecretText = "p1cxIdQv0o9Ck9Y3uTEcQ4Y3y5bO7mDk7fTyb2N0Jp8";
    private const string Subject = "alice";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(SecretText);
    private TokenIssuer _issuer = null!;     // Set in Setup, which BenchmarkDotNet runs first.
    private TokenVerifier _verifier = null!; // Set in Setup.
    private string _token = "";
    private string _badSignatureToken = "";
    private string _twoSegmentToken = "";
    private string _badBase64UrlToken = "";
    private byte[] _signingInput = [];

    private readonly JsonWebTokenHandler _handler = new();
    private TokenValidationParameters _parameters = null!; // Set in Setup.

    [GlobalSetup]
    public void Setup()
    {
        _issuer = new TokenIssuer(_key, TimeProvider.System, TimeSpan.FromHours(1));
        _verifier = new TokenVerifier(_key, TimeProvider.System);
        _token = _issuer.Issue(Subject);

        int lastDot = _token.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(_token[..lastDot]);
        _badSignatureToken = ChangeFirstSignatureCharacter(_token, lastDot);
        _twoSegmentToken = _token[..lastDot];
        _badBase64UrlToken = "=" + _token[1..];

        // IdentityModel checks the same things TinyJwt checks: HS256 only, signature,
        // exp and nbf with no clock skew, no issuer or audience.
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(_key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        };

        CheckOutcomes();
    }

    [Benchmark(Baseline = true, Description = "BCL HMACSHA256.HashData(signing input)")]
    [BenchmarkCategory("Sign")]
    public byte[] SignRawHmac()
    {
        return HMACSHA256.HashData(_key, _signingInput);
    }

    [Benchmark(Description = "TinyJwt TokenIssuer.Issue")]
    [BenchmarkCategory("Sign")]
    public string SignWithTinyJwt()
    {
        return _issuer.Issue(Subject);
    }

    [Benchmark(Baseline = true, Description = "BCL HMACSHA256.HashData(signing input)")]
    [BenchmarkCategory("Verify")]
    public byte[] VerifyRawHmac()
    {
        return HMACSHA256.HashData(_key, _signingInput);
    }

    [Benchmark(Description = "TinyJwt Verify: valid")]
    [BenchmarkCategory("Verify")]
    public TokenVerificationResult VerifyValid()
    {
        return _verifier.Verify(_token);
    }

    [Benchmark(Description = "TinyJwt Verify: bad signature")]
    [BenchmarkCategory("Verify")]
    public TokenVerificationResult VerifyBadSignature()
    {
        return _verifier.Verify(_badSignatureToken);
    }

    [Benchmark(Description = "TinyJwt Verify: two segments")]
    [BenchmarkCategory("Verify")]
    public TokenVerificationResult VerifyTwoSegments()
    {
        return _verifier.Verify(_twoSegmentToken);
    }

    [Benchmark(Description = "TinyJwt Verify: '=' in header")]
    [BenchmarkCategory("Verify")]
    public TokenVerificationResult VerifyBadBase64Url()
    {
        return _verifier.Verify(_badBase64UrlToken);
    }

    [Benchmark(Description = "IdentityModel ValidateTokenAsync: valid")]
    [BenchmarkCategory("Verify")]
    public Task<TokenValidationResult> ValidateValidWithIdentityModel()
    {
        return _handler.ValidateTokenAsync(_token, _parameters);
    }

    [Benchmark(Description = "IdentityModel ValidateTokenAsync: bad signature")]
    [BenchmarkCategory("Verify")]
    public Task<TokenValidationResult> ValidateBadSignatureWithIdentityModel()
    {
        return _handler.ValidateTokenAsync(_badSignatureToken, _parameters);
    }

    // Any other base64url character keeps the segment canonical: only the last one of an
    // unpadded segment carries spare bits.
    private static string ChangeFirstSignatureCharacter(string token, int lastDot)
    {
        char first = token[lastDot + 1];
        char replacement = first == 'A' ? 'B' : 'A';
        return string.Concat(
            token.AsSpan(0, lastDot + 1), [replacement], token.AsSpan(lastDot + 2));
    }

    // Each case must take the path its name promises, or its figure means nothing.
    private void CheckOutcomes()
    {
        Expect("valid", _verifier.Verify(_token).Failure, TokenFailure.None);
        Expect("bad signature", _verifier.Verify(_badSignatureToken).Failure,
            TokenFailure.SignatureMismatch);
        Expect("two segments", _verifier.Verify(_twoSegmentToken).Failure,
            TokenFailure.WrongSegmentCount);
        Expect("'=' in header", _verifier.Verify(_badBase64UrlToken).Failure,
            TokenFailure.InvalidBase64Url);

        bool identityModelValid = _handler.ValidateTokenAsync(_token, _parameters).Result.IsValid;
        bool identityModelRejects =
            !_handler.ValidateTokenAsync(_badSignatureToken, _parameters).Result.IsValid;
        if (!identityModelValid || !identityModelRejects)
        {
            throw new InvalidOperationException(
                "IdentityModel did not accept the valid token and reject the bad signature.");
        }
    }

    private static void Expect(string name, TokenFailure actual, TokenFailure expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException(
                $"Verify of the {name} token returned {actual}, expected {expected}.");
        }
    }
}
