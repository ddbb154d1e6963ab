using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NUnit.Framework;
using TinyJwt.Configuration;

namespace TinyJwt.Tests.Configuration;

public class SecretFileTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        string name = "tinyjwt-secret-" + Guid.NewGuid().ToString("N");
        _directory = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        Directory.Delete(_directory, recursive: true);
    }

    [TestCase("abc", "abc")]
    [TestCase("abc\n", "abc")]
    [TestCase("abc\r\n", "abc")]
    [TestCase("abc\n\n", "abc\n")]
    [TestCase("abc\r", "abc\r")]
    [TestCase(" abc ", " abc ")]
    [TestCase("clé secrète\n", "clé secrète")]
    public void ReadSecretText_LineEndings_RemovesOnlyOne(string content, string expected)
    {
        string path = WriteFile("key.txt", Encoding.UTF8.GetBytes(content));

        string text = SecretFile.ReadSecretText(path);

        Assert.That(text, Is.EqualTo(expected));
    }

    [Test]
    public void ReadSecretText_MissingFile_NamesPath()
    {
        string path = Path.Combine(_directory, "absent.key");

        Assert.That(
            () => SecretFile.ReadSecretText(path),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("absent.key"));
    }

    [Test]
    public void ReadSecretText_InvalidUtf8_Rejected()
    {
        string path = WriteFile("bad.key", [0x61, 0xFF, 0x62]);

        Assert.That(
            () => SecretFile.ReadSecretText(path),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("not valid UTF-8"));
    }

    [Test]
    public void ReadSecretText_ByteOrderMark_Rejected()
    {
        string path = WriteFile("bom.key", [0xEF, 0xBB, 0xBF, 0x61, 0x62]);

        Assert.That(
            () => SecretFile.ReadSecretText(path),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("byte-order mark"));
    }

    [Test]
    public void LoadOrCreate_NoFile_CreatesPrivateKey()
    {
        string dataDirectory = Path.Combine(_directory, "data");
        var log = new List<string>();

        string secret = SecretFile.LoadOrCreate(dataDirectory, log.Add);

        string path = Path.Combine(dataDirectory, SecretFile.FileName);
        bool decoded = Base64Url.IsValid(secret, out int decodedLength);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.True);
            Assert.That(decodedLength, Is.EqualTo(SecretFile.GeneratedKeyBytes));
            Assert.That(File.ReadAllText(path), Is.EqualTo(secret + "\n"));
            Assert.That(log, Has.Count.EqualTo(1));
            Assert.That(log[0], Does.Not.Contain(secret));
        }

        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode expected = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(expected));
        }
    }

    [Test]
    public void LoadOrCreate_SecondCall_ReturnsSameKey()
    {
        var log = new List<string>();

        string first = SecretFile.LoadOrCreate(_directory, log.Add);
        string second = SecretFile.LoadOrCreate(_directory, log.Add);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void LoadOrCreate_TwoFolders_GiveDifferentKeys()
    {
        var log = new List<string>();

        string first = SecretFile.LoadOrCreate(Path.Combine(_directory, "a"), log.Add);
        string second = SecretFile.LoadOrCreate(Path.Combine(_directory, "b"), log.Add);

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void LoadOrCreate_ExistingFile_IsRead()
    {
        byte[] content = Encoding.UTF8.GetBytes("an existing secret of some length\n");
        WriteFile(SecretFile.FileName, content);
        var log = new List<string>();

        string secret = SecretFile.LoadOrCreate(_directory, log.Add);

        Assert.That(secret, Is.EqualTo("an existing secret of some length"));
    }

    [Test]
    public void LoadOrCreate_WorldReadableFile_LogsWarning()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix permissions only.");
            return;
        }

        byte[] content = Encoding.UTF8.GetBytes("shared secret text\n");
        string path = WriteFile(SecretFile.FileName, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite
            | UnixFileMode.OtherRead);
        var log = new List<string>();

        SecretFile.LoadOrCreate(_directory, log.Add);

        Assert.That(log, Has.One.Contains("chmod 600"));
    }

    private string WriteFile(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
