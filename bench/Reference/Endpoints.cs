using System;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TinyJwt.Bench.Reference;

/// <summary>
/// The four routes with TinyJwt's status codes and JSON messages.
/// </summary>
internal static class Endpoints
{
    private const int MaxBodyLength = 16 * 1024;

    public static void Map(WebApplication app)
    {
        app.MapPost("/register", RegisterAsync);
        app.MapPost("/login", (HttpRequest request, UserStore users, TokenFactory tokens) =>
            IssueTokenAsync(request, users, tokens, "Login successful"));
        app.MapPost("/set-jwt", (HttpRequest request, UserStore users, TokenFactory tokens) =>
            IssueTokenAsync(request, users, tokens, "JWT created"));
        app.MapGet("/get-jwt", GetJwt).RequireAuthorization();
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, UserStore users)
    {
        (Credentials? credentials, IResult? error) = await ReadCredentialsAsync(request);
        if (credentials is null)
        {
            return error!; // ReadCredentialsAsync sets exactly one of the two.
        }

        if (!users.TryAdd(credentials.UserName, credentials.Password))
        {
            return Error(StatusCodes.Status400BadRequest, "Username already exists");
        }

        return Results.Json(
            new { message = "User registered successfully" },
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> IssueTokenAsync(
        HttpRequest request,
        UserStore users,
        TokenFactory tokens,
        string message)
    {
        (Credentials? credentials, IResult? error) = await ReadCredentialsAsync(request);
        if (credentials is null)
        {
            return error!; // ReadCredentialsAsync sets exactly one of the two.
        }

        if (!users.Exists(credentials.UserName))
        {
            return Error(StatusCodes.Status404NotFound, "User not found");
        }

        if (!users.VerifyPassword(credentials.UserName, credentials.Password))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Error(StatusCodes.Status401Unauthorized, "Invalid password");
        }

        string token = tokens.Issue(credentials.UserName);
        return Results.Json(new { message, token });
    }

    private static IResult GetJwt(ClaimsPrincipal user)
    {
        string? subject = user.FindFirst("sub")?.Value;
        return Results.Json(new { message = "Token is valid", user = subject });
    }

    private static async Task<(Credentials?, IResult?)> ReadCredentialsAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Error(StatusCodes.Status415UnsupportedMediaType,
                "The request body must be JSON (Content-Type: application/json)."));
        }

        if (request.ContentLength > MaxBodyLength)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge,
                $"The request body is over {MaxBodyLength} bytes."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return (null, Error(
                StatusCodes.Status400BadRequest, "The request body is not valid JSON."));
        }

        using (document)
        {
            return Credentials.Read(document.RootElement);
        }
    }

    internal static IResult Error(int statusCode, string message)
    {
        return Results.Json(new { error = message }, statusCode: statusCode);
    }

    private sealed record Credentials(string UserName, string Password)
    {
        public static (Credentials?, IResult?) Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, Error(400, "The request body must be a JSON object."));
            }

            string? userName = ReadString(root, "username");
            string? password = ReadString(root, "password");
            if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
            {
                return (null, Error(
                    400, "Both 'username' and 'password' must be non-empty strings."));
            }

            userName = userName.Normalize(NormalizationForm.FormC);
            bool badName = userName.Length > 64
                || userName.Trim().Length != userName.Length
                || userName.AsSpan().ContainsAnyInRange('\u0000', '\u001f');
            if (badName)
            {
                return (null, Error(400,
                    "A username is 1 to 64 characters, with no control characters "
                    + "and no leading or trailing white space."));
            }

            if (password.Length is < 8 or > 1024)
            {
                return (null, Error(400, "A password is 8 to 1024 characters."));
            }

            return (new Credentials(userName, password), null);
        }

        private static string? ReadString(JsonElement root, string name)
        {
            bool found = root.TryGetProperty(name, out JsonElement value);
            return found && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
    }
}
