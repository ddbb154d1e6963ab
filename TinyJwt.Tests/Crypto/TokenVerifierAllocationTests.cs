using System;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

/// <summary>Allocation counts of the verification hot path; byte counts, not timings.</summary>
public class TokenVerifierAllocationTests
{
    [Test]
    public void Verify_ValidToken_AllocatesLittle()
    {
        var issuer = new TokenIssuer(TestTokens.Key, TestTokens.Clock, TimeSpan.FromHours(1));
        string token = issuer.Issue("Romel");
        TokenVerifier verifier = TestTokens.CreateVerifier();
        verifier.Verify(token);
        const int calls = 100;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            verifier.Verify(token);
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;

        // The subject string "Romel" takes 32 bytes on 64-bit .NET, and one more small object
        // is allowed.
        TestContext.Out.WriteLine($"Verify allocates {perCall} bytes per valid token.");
        Assert.That(perCall, Is.LessThanOrEqualTo(64));
    }

    [Test]
    public void Verify_RejectedToken_AllocatesNoReport()
    {
        TokenVerifier verifier = TestTokens.CreateVerifier();
        string token = TestTokens.Sign("{\"alg\":\"none\"}", TestTokens.Claims());
        verifier.Verify(token);
        const int calls = 100;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            verifier.Verify(token);
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;

        // Without an observer no step report or value is built.
        TestContext.Out.WriteLine($"Verify allocates {perCall} bytes per rejected token.");
        Assert.That(perCall, Is.LessThanOrEqualTo(32));
    }
}
