using System.Collections.Generic;
using NUnit.Framework;
using TinyJwt.Cli;

namespace TinyJwt.Tests.Cli;

public class DisplayTextTests
{
    // Each case has a name, because NUnit3TestAdapter 5.2 silently skips a case whose generated
    // name contains ESC or a C1 control character.
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("plain {\"sub\":\"é\"}", "plain {\"sub\":\"é\"}")
            .SetName("Escape_PlainText_IsUnchanged");
        yield return new TestCaseData("a\u001b[2Jb", "a\\u001b[2Jb")
            .SetName("Escape_EscCharacter_IsEscaped");
        yield return new TestCaseData("{\"typ\":\"JWT\",\r\n\t}", "{\"typ\":\"JWT\",\\r\\n\\t}")
            .SetName("Escape_LineBreaksAndTab_AreEscaped");
        yield return new TestCaseData("abc\u202edef", "abc\\u202edef")
            .SetName("Escape_BidiOverride_IsEscaped");
        yield return new TestCaseData("\u009b31m", "\\u009b31m")
            .SetName("Escape_C1ControlCharacter_IsEscaped");
    }

    [TestCaseSource(nameof(Cases))]
    public void Escape_Text_EscapesControls(string text, string expected)
    {
        Assert.That(DisplayText.Escape(text), Is.EqualTo(expected));
    }
}
