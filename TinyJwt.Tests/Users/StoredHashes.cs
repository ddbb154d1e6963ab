using System;

namespace TinyJwt.Tests.Users;

/// <summary>Strings in the hasher's stored format, built without running PBKDF2.</summary>
/// <remarks>The store checks the format only, so made-up salt and hash bytes are enough.</remarks>
public static class StoredHashes
{
    public static readonly string Alice = Make(1000, 1);
    public static readonly string Bob = Make(1000, 2);
    public static readonly string Carol = Make(1000, 3);
    public static readonly string Upgraded = Make(600_000, 4);

    /// <summary>Builds "$pbkdf2-sha256$i=N$SALT$HASH" with bytes derived from the seed.</summary>
    public static string Make(int iterations, int seed)
    {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        new Random(seed).NextBytes(salt);
        new Random(seed + 1000).NextBytes(hash);
        return $"$pbkdf2-sha256$i={iterations}${Encode(salt)}${Encode(hash)}";
    }

    private static string Encode(byte[] bytes)
    {
        return Convert.ToBase64String(bytes).TrimEnd('=');
    }
}
