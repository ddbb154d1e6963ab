using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// One forged token of the tamper lab, with the flaw it probes and the failure a correct
/// verifier reports for it.
/// </summary>
internal sealed class TamperAttack
{
    public TamperAttack(string name, string exploits, TokenFailure expectedFailure, string token)
    {
        Name = name;
        Exploits = exploits;
        ExpectedFailure = expectedFailure;
        Token = token;
    }

    public string Name { get; }

    /// <summary>The verifier flaw the attack probes, with its bug class or advisory.</summary>
    public string Exploits { get; }

    public TokenFailure ExpectedFailure { get; }

    public string Token { get; }
}
