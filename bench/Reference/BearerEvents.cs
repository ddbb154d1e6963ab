using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace TinyJwt.Bench.Reference;

/// <summary>
/// JwtBearer event handlers that send the same responses as TinyJwt: a bare token is accepted,
/// and a failed check becomes the JSON error of the wire contract.
/// </summary>
internal static class BearerEvents
{
    public static JwtBearerEvents Create()
    {
        return new JwtBearerEvents
        {
            OnMessageReceived = AcceptBareToken,
            OnChallenge = WriteChallengeAsync,
        };
    }

    // JwtBearer reads only "Bearer <token>" (any letter case); TinyJwt also takes a bare token.
    private static Task AcceptBareToken(MessageReceivedContext context)
    {
        string authorization = context.Request.Headers.Authorization.ToString();
        bool hasScheme = authorization.StartsWith(
            "Bearer ", System.StringComparison.OrdinalIgnoreCase);
        if (authorization.Length > 0 && !hasScheme)
        {
            context.Token = authorization.Trim();
        }

        return Task.CompletedTask;
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        HttpResponse response = context.Response;
        if (context.AuthenticateFailure is null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new { error = "Token is missing" });
            return;
        }

        string error = context.AuthenticateFailure is SecurityTokenExpiredException
            ? "Token has expired"
            : "Invalid token";
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await response.WriteAsJsonAsync(new { error });
    }
}
