using System;
using System.Collections.Generic;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TinyJwt.Bench.Reference;

/// <summary>
/// Issuer of HS256 tokens with the claims TinyJwt issues: <c>sub</c>, <c>iat</c> and <c>exp</c>.
/// </summary>
internal sealed class TokenFactory
{
    // Without this, the handler adds an "nbf" claim that TinyJwt's tokens do not carry.
    private readonly JsonWebTokenHandler _handler = new()
    {
        SetDefaultTimesOnTokenCreation = false,
    };
    private readonly SigningCredentials _credentials;
    private readonly TimeSpan _lifetime;

    public TokenFactory(SymmetricSecurityKey key, TimeSpan lifetime)
    {
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _lifetime = lifetime;
    }

    public string Issue(string subject)
    {
        DateTime now = DateTime.UtcNow;
        SecurityTokenDescriptor descriptor = new()
        {
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = subject },
            IssuedAt = now,
            Expires = now + _lifetime,
            SigningCredentials = _credentials,
        };
        return _handler.CreateToken(descriptor);
    }
}
