using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NUnit.Framework;
using TinyJwt.Configuration;

namespace TinyJwt.Tests.Configuration;

public class SigningKeyTests
{
    private const string LongSecret = "a secret of at least thirty-two bytes";
    private const string OtherLongSecret = "another secret of thirty-two bytes or more";

    private string _directory = "";
    private readonly List<string> _log = [];

    [SetUp]
    public void CreateDirectory()
    {
        string name = "tinyjwt-key-" + Guid.NewGuid().ToString("N");
        _directory = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(_directory);
        _log.Clear();
    }

    [TearDown]
    public void DeleteDirectory()
    {
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Resolve_SecretFileAndVariable_FileWins()
    {
        string path = Path.Combine(_directory, "key.txt");
        File.WriteAllText(path, LongSecret + "\n");
        var options = new ServerOptions { SecretFilePath = path, SecretText = OtherLongSecret };

        (byte[] key, string source) = SigningKey.Resolve(options, _log.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Is.EqualTo(Encoding.UTF8.GetBytes(LongSecret)));
            Assert.That(source, Does.Contain("--secret-file"));
        }
    }

    [Test]
    public void Resolve_VariableOnly_UsesItsUtf8Bytes()
    {
        string secret = "clé " + LongSecret;
        var options = new ServerOptions { SecretText = secret, DataDirectory = _directory };

        (byte[] key, string source) = SigningKey.Resolve(options, _log.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Is.EqualTo(Encoding.UTF8.GetBytes(secret)));
            Assert.That(source, Is.EqualTo("TINYJWT_SECRET"));
            Assert.That(File.Exists(Path.Combine(_directory, SecretFile.FileName)), Is.False);
        }
    }

    [Test]
    public void Resolve_NoSecret_GeneratesKeptFile()
    {
        var options = new ServerOptions { DataDirectory = _directory };

        (byte[] first, _) = SigningKey.Resolve(options, _log.Add);
        (byte[] second, _) = SigningKey.Resolve(options, _log.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Has.Length.AtLeast(SigningKey.MinimumLength));
            Assert.That(second, Is.EqualTo(first));
        }
    }

    [Test]
    public void Resolve_InMemory_WritesNoFile()
    {
        var options = new ServerOptions { DataDirectory = _directory, InMemory = true };

        (byte[] key, _) = SigningKey.Resolve(options, _log.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Has.Length.AtLeast(SigningKey.MinimumLength));
            Assert.That(Directory.GetFiles(_directory), Is.Empty);
        }
    }

    [Test]
    public void Resolve_ShortVariable_RejectedWithoutSecret()
    {
        string shortSecret = "only31bytes-only31bytes-only31b";
        var options = new ServerOptions { SecretText = shortSecret };

        Assert.That(
            () => SigningKey.Resolve(options, _log.Add),
            Throws.TypeOf<ConfigurationException>()
                .With.Message.Contains("31 bytes")
                .And.Message.Contains("at least 32")
                .And.Message.Not.Contains(shortSecret));
    }

    [Test]
    public void Resolve_ShortFile_Rejected()
    {
        string path = Path.Combine(_directory, "short.txt");
        File.WriteAllText(path, "short\n");
        var options = new ServerOptions { SecretFilePath = path };

        Assert.That(
            () => SigningKey.Resolve(options, _log.Add),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("5 bytes"));
    }

    [Test]
    public void Resolve_ThirtyTwoMultibyteCharacters_Accepted()
    {
        // 16 characters of two UTF-8 bytes each: the rule counts bytes, not characters.
        string secret = new('é', 16);
        var options = new ServerOptions { SecretText = secret };

        (byte[] key, _) = SigningKey.Resolve(options, _log.Add);

        Assert.That(key, Has.Length.EqualTo(32));
    }
}
