using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace TinyJwt.Bench.Reference;

/// <summary>
/// Starts the comparison server: ASP.NET Core minimal API, JwtBearer authentication with HS256,
/// in-memory users with PBKDF2-HMAC-SHA256 passwords, and the four routes of TinyJwt.
/// </summary>
/// <remarks>
/// Run with <c>--urls http://127.0.0.1:PORT</c> and optionally <c>--secret-file PATH</c>
/// (the HMAC key is the file's UTF-8 text without one trailing line break, as in TinyJwt);
/// without a file, a random key is made for this run only.
/// </remarks>
internal static class Program
{
    public static void Main(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(
            args,
            new System.Collections.Generic.Dictionary<string, string>
            {
                ["--secret-file"] = "SecretFile",
            });

        // Warning and above only, so the reference does not pay for per-request log lines.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        byte[] key = LoadKey(builder.Configuration["SecretFile"]);
        SymmetricSecurityKey signingKey = new(key);

        builder.Services.AddSingleton(new TokenFactory(signingKey, TimeSpan.FromHours(1)));
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddAuthorization();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Keep "sub" as "sub" instead of mapping it to a long claim type URI.
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKey = signingKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = false,
                    ValidateAudience = false,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.Zero,
                };
                options.Events = BearerEvents.Create();
            });

        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        Endpoints.Map(app);
        app.Run();
    }

    private static byte[] LoadKey(string? secretFile)
    {
        if (string.IsNullOrEmpty(secretFile))
        {
            return Encoding.UTF8.GetBytes(
                Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)));
        }

        string text = File.ReadAllText(secretFile, Encoding.UTF8);
        if (text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            text = text[..^2];
        }
        else if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        byte[] key = Encoding.UTF8.GetBytes(text);
        if (key.Length < 32)
        {
            throw new InvalidOperationException(
                $"The secret in '{secretFile}' is {key.Length} bytes; HS256 needs at least 32.");
        }

        return key;
    }
}
