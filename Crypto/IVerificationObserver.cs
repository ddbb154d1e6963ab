namespace TinyJwt.Crypto;

/// <summary>
/// A receiver of one report per verification step, for showing how a token is checked.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TokenVerifier.Verify(System.ReadOnlySpan{char}, IVerificationObserver?)"/> calls
/// <see cref="OnStep"/> once for every step it runs, in order, and stops after the first step
/// that fails, so the last report is either the failed step or
/// <see cref="VerificationStep.CheckExpiration"/>.
/// Without an observer the reports are never built and verification costs nothing extra.
/// </para>
/// <para>
/// Security: the reports contain the decoded header and claims, the signing input and the HMAC
/// computed under the key, which is a valid signature for whatever header and payload the token
/// carried. Show them only to someone who already holds the key, such as the command line;
/// never send them to a network client or write them to a server log.
/// </para>
/// </remarks>
public interface IVerificationObserver
{
    /// <summary>Receives the report of one finished step.</summary>
    void OnStep(VerificationStepReport report);
}
