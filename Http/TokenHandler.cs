using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TinyJwt.Crypto;

namespace TinyJwt.Http;

/// <summary>Handler of GET /get-jwt: verifies the token of the Authorization header.</summary>
internal sealed class TokenHandler(TokenVerifier verifier)
{
    /// <summary>Returns 200 with the subject, 400 without a token, or 401 for a bad one.</summary>
    public Task<ApiResponse> GetJwtAsync(
        HttpListenerContext context,
        CancellationToken cancellationToken)
    {
        ApiResponse response = Verify(context.Request.Headers["Authorization"]);
        if (context.Request.HasEntityBody)
        {
            // The body is never read, and draining it would delay the next request.
            response = response with { CloseConnection = true };
        }

        return Task.FromResult(response);
    }

    private ApiResponse Verify(string? authorization)
    {
        // A field may repeat only when its value is a list (RFC 9110 §5.3), and Authorization
        // is not one. A client or proxy that merges repeated fields joins them with a comma,
        // which no token contains, so any comma means several headers and none is used. The
        // raw value is checked because GetValues splits on commas and drops empty entries.
        // NOTE: the managed HttpListener on Linux keeps only the last of two separate
        // Authorization lines (as curl sends them), so that pair reaches here as one header.
        if (authorization is not null && authorization.Contains(','))
        {
            return Responses.InvalidToken with { LogReason = "more than one Authorization header" };
        }

        (string? token, string? problem) = ExtractToken(authorization);
        if (problem is not null)
        {
            return Responses.InvalidToken with { LogReason = problem };
        }

        if (token is null)
        {
            return Responses.TokenMissing;
        }

        TokenVerificationResult result = verifier.Verify(token);
        if (result.IsValid)
        {
            // A valid result always carries the subject.
            string subject = result.Subject!;
            byte[] body = ApiResponse.Encode("message", "Token is valid", "user", subject);
            return new ApiResponse(200, body);
        }

        // Only a token with a valid signature can be reported as expired.
        ApiResponse rejection = result.Failure == TokenFailure.Expired
            ? Responses.TokenExpired
            : Responses.InvalidToken;
        return rejection with { LogReason = result.Description };
    }

    /// <summary>
    /// Takes the token from "Bearer TOKEN", with the scheme in any letter case (RFC 6750 §2.1,
    /// RFC 9110 §11.1), or from a bare token as the tutorial's server accepted.
    /// </summary>
    internal static (string? Token, string? Problem) ExtractToken(string? authorization)
    {
        string value = authorization?.Trim() ?? "";
        if (value.Length == 0)
        {
            return (null, null);
        }

        // "Bearer" with no credentials after it is a missing token, not a bare token.
        if (value.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        int space = value.IndexOf(' ');
        if (space < 0)
        {
            return (value, null);
        }

        string scheme = value[..space];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Authorization scheme is not Bearer");
        }

        string token = value[(space + 1)..].Trim();
        return (token.Length == 0 ? null : token, null);
    }
}
