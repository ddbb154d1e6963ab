using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

/// <summary>The per-thread HMAC contexts of <see cref="Hs256Signer"/>.</summary>
public class Hs256SignerTests
{
    [Test]
    public void ComputeSignature_ManyThreads_MatchesOneShot()
    {
        var signer = new Hs256Signer(TestTokens.Key);
        const int inputCount = 64;
        const int rounds = 50;
        byte[][] inputs = Enumerable.Range(0, inputCount)
            .Select(i => Encoding.ASCII.GetBytes($"header.payload-{i}"))
            .ToArray();
        byte[][] expected = inputs
            .Select(input => Hs256.ComputeSignature(TestTokens.Key, input))
            .ToArray();
        int[] mismatches = new int[inputCount];

        Parallel.For(0, inputCount, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            byte[] signature = new byte[Hs256.SignatureLength];
            for (int round = 0; round < rounds; round++)
            {
                signer.ComputeSignature(inputs[(i + round) % inputCount], signature);
                if (!signature.AsSpan().SequenceEqual(expected[(i + round) % inputCount]))
                {
                    mismatches[i]++;
                }
            }
        });

        Assert.That(mismatches.Sum(), Is.Zero);
    }

    [Test]
    public void ComputeSignature_CallerChangesKey_KeepsCopy()
    {
        byte[] key = (byte[])TestTokens.Key.Clone();
        var signer = new Hs256Signer(key);
        byte[] input = "header.payload"u8.ToArray();
        byte[] expected = Hs256.ComputeSignature(TestTokens.Key, input);

        Array.Fill(key, (byte)0);
        byte[] signature = new byte[Hs256.SignatureLength];
        signer.ComputeSignature(input, signature);

        Assert.That(signature, Is.EqualTo(expected));
    }

    [Test]
    public void ComputeSignature_ShortDestination_Throws()
    {
        var signer = new Hs256Signer(TestTokens.Key);
        byte[] destination = new byte[Hs256.SignatureLength - 1];

        Assert.That(
            () => signer.ComputeSignature("x"u8, destination),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
