using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using TinyJwt.Crypto;

namespace TinyJwt.Benchmarks;

/// <summary>
/// Times one password hash at the default cost (PBKDF2-HMAC-SHA256, 600 000 iterations)
/// against the bare base-library call, which bounds login throughput.
/// </summary>
[MemoryDiagnoser]
public class PasswordBenchmarks
{
    private const string Password = "correct horse battery staple";
    private const int HashLength = 32;

    private readonly PasswordHasher _hasher = new(PasswordHasher.DefaultIterations);
    private readonly byte[] _passwordBytes = Encoding.UTF8.GetBytes(Password);
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);

    [Benchmark(Baseline = true, Description = "BCL Rfc2898DeriveBytes.Pbkdf2")]
    public byte[] Pbkdf2WithBcl()
    {
        return Rfc2898DeriveBytes.Pbkdf2(
            _passwordBytes,
            _salt,
            PasswordHasher.DefaultIterations,
            HashAlgorithmName.SHA256,
            HashLength);
    }

    [Benchmark(Description = "TinyJwt PasswordHasher.Hash")]
    public string HashWithTinyJwt()
    {
        return _hasher.Hash(Password);
    }
}
