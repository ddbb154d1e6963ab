using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Soak;

/// <summary>
/// The mixed load: registrations, logins, and token checks with valid, tampered, unsigned,
/// malformed and missing tokens, each checked against the documented status and message.
/// </summary>
internal sealed class Workload
{
    // Relative weights of the request kinds.
    private static readonly (string Kind, int Weight)[] s_mix =
    [
        ("register", 20),
        ("login", 25),
        ("login-unknown-user", 5),
        ("get-jwt-valid", 30),
        ("get-jwt-tampered", 8),
        ("get-jwt-alg-none", 5),
        ("get-jwt-malformed", 5),
        ("get-jwt-missing", 2),
    ];

    private readonly HttpClient _client;
    private readonly Tally _tally;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _acknowledgedUsers = new();
    private readonly Lock _usersLock = new();
    private long _nextUser;
    private volatile string? _latestToken;
    private volatile bool _isServerDown;

    public Workload(HttpClient client, Tally tally)
    {
        _client = client;
        _tally = tally;
    }

    /// <summary>True while the server is killed and not yet serving again.</summary>
    public bool IsServerDown
    {
        get => _isServerDown;
        set => _isServerDown = value;
    }

    /// <summary>Copies the names of the users whose registration received 201.</summary>
    public string[] GetAcknowledgedUsers()
    {
        lock (_usersLock)
        {
            return _acknowledgedUsers.ToArray();
        }
    }

    /// <summary>Password the load uses for a user name.</summary>
    public static string PasswordOf(string userName)
    {
        return "soak-password-" + userName;
    }

    /// <summary>Sends random requests until <paramref name="shouldStop"/> returns true.</summary>
    public async Task RunClientAsync(Func<bool> shouldStop)
    {
        while (!shouldStop())
        {
            // Until a user and a token exist, the kinds that need them register instead.
            string kind = PickKind();
            string? knownUser = PickAcknowledgedUser();
            string? token = _latestToken;
            bool needsUser = kind == "login";
            bool needsToken = kind is "get-jwt-valid" or "get-jwt-tampered" or "get-jwt-alg-none";
            if ((needsUser && knownUser is null) || (needsToken && token is null))
            {
                kind = "register";
            }

            bool serverWasDown = IsServerDown;
            try
            {
                string outcome = await SendAsync(kind, knownUser, token);
                _tally.AddResponse(kind, outcome);
            }
            catch (Exception exception) when (exception is HttpRequestException
                or TaskCanceledException)
            {
                _tally.AddConnectionFailure(serverWasDown || IsServerDown);

                // Back off briefly so a restart window is not a busy loop.
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Sends POST /login with the user's password and returns the status code.</summary>
    public async Task<HttpStatusCode> LoginAsync(string userName)
    {
        using HttpResponseMessage response =
            await PostCredentialsAsync("login", userName, PasswordOf(userName));
        return response.StatusCode;
    }

    private static string PickKind()
    {
        int total = 0;
        foreach ((string _, int weight) in s_mix)
        {
            total += weight;
        }

        int pick = Random.Shared.Next(total);
        foreach ((string kind, int weight) in s_mix)
        {
            if (pick < weight)
            {
                return kind;
            }

            pick -= weight;
        }

        return s_mix[0].Kind;
    }

    // Sends one request of the kind and returns "expected" or what was wrong with the response.
    // Kinds that need a user or a token are only picked once one exists.
    private async Task<string> SendAsync(string kind, string? knownUser, string? token)
    {
        switch (kind)
        {
            case "register":
                return await RegisterAsync();
            case "login":
                return await LoginAndKeepTokenAsync(knownUser!); // Set for this kind.
            case "login-unknown-user":
                string unknownUser = $"soak-{_runId}-nobody-{Random.Shared.Next()}";
                using (HttpResponseMessage response =
                    await PostCredentialsAsync("login", unknownUser, PasswordOf(unknownUser)))
                {
                    return await CheckAsync(response, HttpStatusCode.NotFound, "User not found");
                }

            case "get-jwt-valid":
                return await GetJwtAsync(token, HttpStatusCode.OK, "Token is valid");
            case "get-jwt-tampered":
                string tampered = TamperSignature(token!); // Set for this kind.
                return await GetJwtAsync(tampered, HttpStatusCode.Unauthorized, "Invalid token");
            case "get-jwt-alg-none":
                string unsigned = StripToAlgNone(token!); // Set for this kind.
                return await GetJwtAsync(unsigned, HttpStatusCode.Unauthorized, "Invalid token");
            case "get-jwt-malformed":
                return await GetJwtAsync("not.a-valid.token!", HttpStatusCode.Unauthorized,
                    "Invalid token");
            default:
                return await GetJwtAsync(null, HttpStatusCode.BadRequest, "Token is missing");
        }
    }

    private async Task<string> RegisterAsync()
    {
        string userName = $"soak-{_runId}-{Interlocked.Increment(ref _nextUser)}";
        using HttpResponseMessage response =
            await PostCredentialsAsync("register", userName, PasswordOf(userName));
        string outcome = await CheckAsync(
            response,
            HttpStatusCode.Created,
            "User registered successfully");
        if (response.StatusCode == HttpStatusCode.Created)
        {
            lock (_usersLock)
            {
                _acknowledgedUsers.Add(userName);
            }
        }

        return outcome;
    }

    private async Task<string> LoginAndKeepTokenAsync(string userName)
    {
        using HttpResponseMessage response =
            await PostCredentialsAsync("login", userName, PasswordOf(userName));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return await CheckAsync(response, HttpStatusCode.OK, "Login successful");
        }

        string body = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("token", out JsonElement tokenElement)
            || tokenElement.GetString() is not string token)
        {
            return "200 without a token";
        }

        _latestToken = token;
        return Tally.Expected;
    }

    private async Task<string> GetJwtAsync(
        string? token,
        HttpStatusCode expectedStatus,
        string expectedText)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "get-jwt");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using HttpResponseMessage response = await _client.SendAsync(request);
        return await CheckAsync(response, expectedStatus, expectedText);
    }

    private async Task<HttpResponseMessage> PostCredentialsAsync(
        string route,
        string userName,
        string password)
    {
        var credentials = new Dictionary<string, string>
        {
            ["username"] = userName,
            ["password"] = password,
        };
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(credentials));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _client.PostAsync(route, content);
    }

    private static async Task<string> CheckAsync(
        HttpResponseMessage response,
        HttpStatusCode expectedStatus,
        string expectedText)
    {
        int status = (int)response.StatusCode;
        if (response.StatusCode != expectedStatus)
        {
            return $"{status} (expected {(int)expectedStatus})";
        }

        string body = await response.Content.ReadAsStringAsync();
        return body.Contains(expectedText, StringComparison.Ordinal)
            ? Tally.Expected
            : $"{status} with another message";
    }

    private string? PickAcknowledgedUser()
    {
        lock (_usersLock)
        {
            if (_acknowledgedUsers.Count == 0)
            {
                return null;
            }

            return _acknowledgedUsers[Random.Shared.Next(_acknowledgedUsers.Count)];
        }
    }

    // Changes the first character of the signature, so the header and claims are intact but
    // the HMAC no longer matches them.
    private static string TamperSignature(string token)
    {
        int signatureStart = token.LastIndexOf('.') + 1;
        char replacement = token[signatureStart] == 'A' ? 'B' : 'A';
        return token[..signatureStart] + replacement + token[(signatureStart + 1)..];
    }

    // Keeps the claims but declares the unsecured "none" algorithm (RFC 7518 §3.6) and drops
    // the signature, which a server must reject.
    private static string StripToAlgNone(string token)
    {
        string encodedPayload = token.Split('.')[1];
        byte[] header = Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        string encodedHeader = Convert.ToBase64String(header)
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        return encodedHeader + "." + encodedPayload + ".";
    }
}
