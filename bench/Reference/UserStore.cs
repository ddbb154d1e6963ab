using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace TinyJwt.Bench.Reference;

/// <summary>
/// In-memory users with PBKDF2-HMAC-SHA256 password hashes (600 000 iterations, 16-byte salt),
/// the same cost TinyJwt pays per registration and login.
/// </summary>
internal sealed class UserStore
{
    private const int Iterations = 600_000;
    private const int SaltLength = 16;
    private const int HashLength = 32;

    private readonly ConcurrentDictionary<string, (byte[] Salt, byte[] Hash)> _users =
        new(StringComparer.Ordinal);

    public bool TryAdd(string userName, string password)
    {
        if (_users.ContainsKey(userName))
        {
            return false;
        }

        byte[] salt = RandomNumberGenerator.GetBytes(SaltLength);
        byte[] hash = ComputeHash(password, salt);
        return _users.TryAdd(userName, (salt, hash));
    }

    public bool Exists(string userName)
    {
        return _users.ContainsKey(userName);
    }

    public bool VerifyPassword(string userName, string password)
    {
        if (!_users.TryGetValue(userName, out (byte[] Salt, byte[] Hash) stored))
        {
            return false;
        }

        byte[] hash = ComputeHash(password, stored.Salt);
        return CryptographicOperations.FixedTimeEquals(hash, stored.Hash);
    }

    private static byte[] ComputeHash(string password, byte[] salt)
    {
        return Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(password),
            salt,
            Iterations,
            HashAlgorithmName.SHA256,
            HashLength);
    }
}
