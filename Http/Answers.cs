namespace TinyJwt.Http;

/// <summary>Fixed answers of the wire contract, encoded once as UTF-8 bytes.</summary>
internal static class Answers
{
    // Every 401 carries a Bearer challenge (RFC 9110 §11.6.1), and on a rejected token it also
    // names the error code invalid_token (RFC 6750 §3).
    public const string BearerChallenge = "Bearer";
    public const string InvalidTokenChallenge = "Bearer error=\"invalid_token\"";

    public static readonly ApiResponse UserRegistered =
        new(201, ApiResponse.Encode("message", "User registered successfully"));

    public static readonly ApiResponse UsernameExists =
        ApiResponse.Error(400, "Username already exists");

    public static readonly ApiResponse UserNotFound = ApiResponse.Error(404, "User not found");

    public static readonly ApiResponse InvalidPassword =
        ApiResponse.Error(401, "Invalid password") with { Challenge = BearerChallenge };

    public static readonly ApiResponse TokenMissing = ApiResponse.Error(400, "Token is missing");

    public static readonly ApiResponse TokenExpired =
        ApiResponse.Error(401, "Token has expired") with { Challenge = InvalidTokenChallenge };

    public static readonly ApiResponse InvalidToken =
        ApiResponse.Error(401, "Invalid token") with { Challenge = InvalidTokenChallenge };

    public static readonly ApiResponse TooManyAttempts =
        ApiResponse.Error(429, "Too many attempts");

    public static readonly ApiResponse ServerBusy = ApiResponse.Error(
        503,
        "The server is busy hashing passwords; retry after a few seconds",
        "password hashing queue full or wait timed out") with { RetryAfterSeconds = 2 };

    public static readonly ApiResponse InternalError = ApiResponse.Error(
        500,
        "Internal server error; the server log has the details") with { CloseConnection = true };

    public static readonly ApiResponse NoRoute = ApiResponse.Error(
        404,
        "No route for this path; the routes are POST /register, POST /login, POST /set-jwt "
        + "and GET /get-jwt",
        "no route for this path");
}
