using System;
using System.Collections.Generic;
using NUnit.Framework;
using TinyJwt.Configuration;

namespace TinyJwt.Tests.Configuration;

public class ServerOptionsParserTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Test]
    public void Parse_NoArguments_GivesDefaults()
    {
        ServerOptions options = ServerOptionsParser.Parse([], NoEnvironment);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Host, Is.EqualTo("localhost"));
            Assert.That(options.Port, Is.EqualTo(5000));
            Assert.That(options.DataDirectory, Is.EqualTo("./data"));
            Assert.That(options.TokenLifetime, Is.EqualTo(TimeSpan.FromSeconds(3600)));
            Assert.That(options.Pbkdf2Iterations, Is.EqualTo(600_000));
            Assert.That(options.SecretFilePath, Is.Null);
            Assert.That(options.SecretText, Is.Null);
            Assert.That(options.InMemory, Is.False);
            Assert.That(options.ShowHelp, Is.False);
        }
    }

    [Test]
    public void Parse_EveryFlag_IsApplied()
    {
        string[] args =
        [
            "--host", "0.0.0.0", "--port", "8080", "--data", "/tmp/x", "--token-lifetime", "60",
            "--pbkdf2-iterations", "1000", "--secret-file", "key.txt", "--in-memory",
        ];

        ServerOptions options = ServerOptionsParser.Parse(args, NoEnvironment);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Host, Is.EqualTo("0.0.0.0"));
            Assert.That(options.Port, Is.EqualTo(8080));
            Assert.That(options.DataDirectory, Is.EqualTo("/tmp/x"));
            Assert.That(options.TokenLifetime, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(options.Pbkdf2Iterations, Is.EqualTo(1000));
            Assert.That(options.SecretFilePath, Is.EqualTo("key.txt"));
            Assert.That(options.InMemory, Is.True);
        }
    }

    [TestCase("--port", "1", "--port", "2")]
    [TestCase("--port=1", "--port", "2")]
    [TestCase("--in-memory", "--in-memory")]
    [TestCase("--data", "a", "--data=b")]
    public void Parse_RepeatedFlag_Throws(params string[] args)
    {
        Assert.That(
            () => ServerOptionsParser.Parse(args, NoEnvironment),
            Throws.TypeOf<ConfigurationException>()
                .With.Message.Contains("is given more than once"));
    }

    [Test]
    public void Parse_EqualsForm_IsAccepted()
    {
        ServerOptions options = ServerOptionsParser.Parse(["--port=6001"], NoEnvironment);

        Assert.That(options.Port, Is.EqualTo(6001));
    }

    [Test]
    public void Parse_EveryVariable_IsApplied()
    {
        var environment = new Dictionary<string, string>
        {
            ["TINYJWT_HOST"] = "example.test",
            ["TINYJWT_PORT"] = "7000",
            ["TINYJWT_DATA"] = "d",
            ["TINYJWT_TOKEN_LIFETIME"] = "120",
            ["TINYJWT_PBKDF2_ITERATIONS"] = "2000",
            ["TINYJWT_SECRET"] = "s",
        };

        ServerOptions options = ServerOptionsParser.Parse([], environment.GetValueOrDefault);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Host, Is.EqualTo("example.test"));
            Assert.That(options.Port, Is.EqualTo(7000));
            Assert.That(options.DataDirectory, Is.EqualTo("d"));
            Assert.That(options.TokenLifetime, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(options.Pbkdf2Iterations, Is.EqualTo(2000));
            Assert.That(options.SecretText, Is.EqualTo("s"));
        }
    }

    [Test]
    public void Parse_FlagAndVariable_FlagWins()
    {
        var environment = new Dictionary<string, string> { ["TINYJWT_PORT"] = "7000" };

        ServerOptions options = ServerOptionsParser.Parse(
            ["--port", "7001"],
            name => environment.GetValueOrDefault(name));

        Assert.That(options.Port, Is.EqualTo(7001));
    }

    [Test]
    public void Parse_BadVariableOverriddenByFlag_StillRejected()
    {
        var environment = new Dictionary<string, string> { ["TINYJWT_PORT"] = "abc" };

        Assert.That(
            () => ServerOptionsParser.Parse(["--port", "7001"], environment.GetValueOrDefault),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("TINYJWT_PORT"));
    }

    // Each bad value must name the flag or variable and the expected form.
    [TestCase(new[] { "--port", "0" }, "--port", "1 to 65535")]
    [TestCase(new[] { "--port", "65536" }, "--port", "1 to 65535")]
    [TestCase(new[] { "--port", "80a" }, "--port", "whole number")]
    [TestCase(new[] { "--port", "-1" }, "--port", "whole number")]
    [TestCase(new[] { "--port", " 80" }, "--port", "whole number")]
    [TestCase(new[] { "--port" }, "--port", "needs a value")]
    [TestCase(new[] { "--token-lifetime", "0" }, "--token-lifetime", "whole number")]
    [TestCase(new[] { "--token-lifetime", "31536001" }, "--token-lifetime", "31536000")]
    [TestCase(new[] { "--pbkdf2-iterations", "0" }, "--pbkdf2-iterations", "whole number")]
    [TestCase(new[] { "--host", "::1" }, "--host", "IPv6")]
    [TestCase(new[] { "--host", "[::1]" }, "--host", "IPv6")]
    [TestCase(new[] { "--host", "a/b" }, "--host", "host name")]
    [TestCase(new[] { "--data", "" }, "--data", "folder path")]
    [TestCase(new[] { "--secret-file", " " }, "--secret-file", "file path")]
    [TestCase(new[] { "--in-memory=yes" }, "--in-memory", "no value")]
    [TestCase(new[] { "--verbose" }, "--verbose", "Unknown option")]
    [TestCase(new[] { "serve" }, "serve", "Unknown option")]
    public void Parse_BadFlag_NamesFlagAndForm(string[] args, string name, string expected)
    {
        Assert.That(
            () => ServerOptionsParser.Parse(args, NoEnvironment),
            Throws.TypeOf<ConfigurationException>()
                .With.Message.Contains(name)
                .And.Message.Contains(expected));
    }

    [TestCase("TINYJWT_PORT", "http")]
    [TestCase("TINYJWT_TOKEN_LIFETIME", "-5")]
    [TestCase("TINYJWT_PBKDF2_ITERATIONS", "1e6")]
    [TestCase("TINYJWT_HOST", "fe80::1")]
    public void Parse_BadVariable_NamesVariable(string variable, string value)
    {
        Assert.That(
            () => ServerOptionsParser.Parse([], name => name == variable ? value : null),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains(variable));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Parse_Help_SetsShowHelp(string flag)
    {
        ServerOptions options = ServerOptionsParser.Parse([flag], NoEnvironment);

        Assert.That(options.ShowHelp, Is.True);
    }
}
