using NUnit.Framework;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

public class DisplayTextTests
{
    [TestCase("plain {\"sub\":\"é\"}", "plain {\"sub\":\"é\"}")]
    [TestCase("a\u001b[2Jb", "a\\u001b[2Jb")]
    [TestCase("{\"typ\":\"JWT\",\r\n \"alg\"}", "{\"typ\":\"JWT\",\\r\\n \"alg\"}")]
    [TestCase("abc\u202edef", "abc\\u202edef")]
    [TestCase("\u009b", "\\u009b")]
    public void Escape_Text_EscapesControls(string text, string expected)
    {
        Assert.That(DisplayText.Escape(text), Is.EqualTo(expected));
    }
}
