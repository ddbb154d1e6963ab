using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TinyJwt.Configuration;
using TinyJwt.Crypto;
using TinyJwt.Users;

namespace TinyJwt.Http;

/// <summary>Handlers of POST /register, POST /login and POST /set-jwt.</summary>
internal sealed class AccountHandlers(
    ServerOptions options,
    IUserStore store,
    PasswordHasher hasher,
    TokenIssuer issuer,
    HashGate hashGate,
    LoginThrottle throttle,
    ServerLog log)
{
    private readonly UserStoreWriteFailures _writeFailures = new(log);

    /// <summary>Registers a user: 201, or 400 when the name is taken.</summary>
    public async Task<ApiResponse> RegisterAsync(
        HttpListenerContext context,
        CancellationToken cancellationToken)
    {
        (Credentials? credentials, ApiResponse? rejection) =
            await ReadCredentialsAsync(context, cancellationToken);
        if (credentials is null)
        {
            return rejection!; // ReadCredentialsAsync returns one of the two.
        }

        // Checking first spares a hash for a taken name. TryAddAsync still decides a race.
        if (store.TryGetPasswordHash(credentials.UserName, out _))
        {
            return Responses.UsernameExists;
        }

        (bool ran, string passwordHash) =
            await hashGate.TryRunAsync(() => hasher.Hash(credentials.Password));
        if (!ran)
        {
            return Responses.ServerBusy;
        }

        bool added;
        try
        {
            added = await store.TryAddAsync(credentials.UserName, passwordHash, cancellationToken);
        }
        catch (Exception exception) when (UserStoreWriteFailures.IsWriteFailure(exception))
        {
            // The file store cuts a failed record back when it can, so a retry normally finds
            // the name free.
            _writeFailures.Record("POST /register: user store write failed", exception);
            return UserStoreWriteFailures.Response;
        }

        return added ? Responses.UserRegistered : Responses.UsernameExists;
    }

    /// <summary>Checks the password and responds with a token: POST /login.</summary>
    public Task<ApiResponse> LoginAsync(
        HttpListenerContext context,
        CancellationToken cancellationToken)
    {
        return IssueTokenAsync(context, "Login successful", cancellationToken);
    }

    /// <summary>Checks the password and responds with a token: POST /set-jwt.</summary>
    public Task<ApiResponse> SetJwtAsync(
        HttpListenerContext context,
        CancellationToken cancellationToken)
    {
        return IssueTokenAsync(context, "JWT created", cancellationToken);
    }

    private async Task<ApiResponse> IssueTokenAsync(
        HttpListenerContext context,
        string message,
        CancellationToken cancellationToken)
    {
        (Credentials? credentials, ApiResponse? rejection) =
            await ReadCredentialsAsync(context, cancellationToken);
        if (credentials is null)
        {
            return rejection!; // ReadCredentialsAsync returns one of the two.
        }

        string userName = credentials.UserName;
        if (throttle.IsBlocked(userName, out int retryAfterSeconds))
        {
            string reason = $"{options.MaxFailedLogins} failed logins for this user name within "
                + $"{options.FailedLoginWindow.TotalMinutes:0.#} min";
            return Responses.TooManyAttempts with
            {
                RetryAfterSeconds = retryAfterSeconds,
                LogReason = reason,
            };
        }

        (bool ran, PasswordCheck check) =
            await hashGate.TryRunAsync(() => CheckPassword(userName, credentials.Password));
        if (!ran)
        {
            return Responses.ServerBusy;
        }

        if (check.Outcome == PasswordCheckOutcome.UnknownUser)
        {
            throttle.RecordFailure(userName);
            return Responses.UserNotFound;
        }

        if (check.Outcome == PasswordCheckOutcome.Mismatch)
        {
            throttle.RecordFailure(userName);
            return Responses.InvalidPassword;
        }

        throttle.Reset(userName);
        if (check.UpgradedHash is not null)
        {
            await UpgradeHashAsync(
                userName,
                check.UpgradedHash,
                check.VerifiedHash!, // Set whenever UpgradedHash is.
                cancellationToken);
        }

        string token = issuer.Issue(userName);
        return new ApiResponse(200, ApiResponse.Encode("message", message, "token", token));
    }

    // Runs on a hashing thread. An unknown user still costs one hash, so the time of the response
    // does not tell which names exist (the 404 and 401 messages do, as the tutorial's did).
    private PasswordCheck CheckPassword(string userName, string password)
    {
        if (!store.TryGetPasswordHash(userName, out string? storedHash))
        {
            hasher.ComputeDecoyHash(password);
            return new PasswordCheck(PasswordCheckOutcome.UnknownUser, null, null);
        }

        PasswordVerification verification = hasher.Verify(password, storedHash);
        if (verification == PasswordVerification.Mismatch)
        {
            return new PasswordCheck(PasswordCheckOutcome.Mismatch, null, null);
        }

        // A hash made with fewer iterations than configured is replaced while the password is
        // at hand, the only moment it can be.
        string? upgradedHash = verification == PasswordVerification.MatchNeedsUpgrade
            ? hasher.Hash(password)
            : null;
        return new PasswordCheck(PasswordCheckOutcome.Match, upgradedHash, storedHash);
    }

    // Replaces the hash only if no concurrent login replaced it since this one read it, so a
    // burst of logins writes one rehash record. The others' upgrades are dropped unused.
    private async Task UpgradeHashAsync(
        string userName,
        string upgradedHash,
        string verifiedHash,
        CancellationToken cancellationToken)
    {
        try
        {
            await store.TryUpdatePasswordHashAsync(
                userName,
                upgradedHash,
                verifiedHash,
                cancellationToken);
        }
        catch (Exception exception) when (UserStoreWriteFailures.IsWriteFailure(exception))
        {
            // The login itself succeeded. The old hash still verifies and is upgraded next time.
            _writeFailures.Record("password hash upgrade failed", exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The login itself succeeded; the old hash still verifies and is upgraded next time.
            log.WriteError("password hash upgrade failed", exception);
        }
    }

    private async Task<(Credentials?, ApiResponse?)> ReadCredentialsAsync(
        HttpListenerContext context,
        CancellationToken cancellationToken)
    {
        (byte[]? body, ApiResponse? rejection) = await RequestBody.ReadJsonAsync(
            context,
            options.MaxBodyBytes,
            options.BodyReadTimeout,
            cancellationToken);
        if (body is null)
        {
            return (null, rejection);
        }

        (Credentials? credentials, string? problem) = CredentialsJson.Parse(body);
        if (credentials is null)
        {
            return (null, ApiResponse.Error(400, problem ?? "Invalid request body"));
        }

        return (credentials, null);
    }

    private enum PasswordCheckOutcome
    {
        UnknownUser,
        Mismatch,
        Match,
    }

    // VerifiedHash is the stored hash the password matched, set with Outcome Match.
    private readonly record struct PasswordCheck(
        PasswordCheckOutcome Outcome,
        string? UpgradedHash,
        string? VerifiedHash);
}
