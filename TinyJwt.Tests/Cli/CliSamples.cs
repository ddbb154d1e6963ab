namespace TinyJwt.Tests.Cli;

/// <summary>Published tokens and keys that the command-line tests run against.</summary>
internal static class CliSamples
{
    // The sample token of the Flask and PyJWT tutorial the server reproduces: HS256 under the
    // 15-byte key "your_secret_key", claims {"sub":"Romel","exp":1731545843}. Its signature
    // was checked with Python's hmac module.
    public const string TutorialToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJSb21lbCIsImV4cCI6MTczMTU0NTg0M30." +
        "DSyanTRicIwLj9gNGiN1QOnzngb26uOIetFnaQxnyvY";

    public const string TutorialKey = "your_secret_key";

    // 2024-11-14T00:57:23Z, the tutorial token's exp.
    public const long TutorialExpiration = 1731545843;

    // RFC 7515 Appendix A.1: the JWS with its HMAC key as the JWK "k" value. Its claims have
    // exp 1300819380 (2011-03-22T18:43:00Z) and no "sub".
    public const string Rfc7515Token =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." +
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290" +
        "Ijp0cnVlfQ." +
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public const string Rfc7515KeyBase64Url =
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

    public const long Rfc7515Expiration = 1300819380;

    // A 32-byte key as text, the shortest the server accepts.
    public const string ServerKey = "0123456789abcdef0123456789abcdef";

    // 2026-01-01T00:00:00Z: the fixed "now" of the tests.
    public const long Now = 1767225600;
}
