using System;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Http;

namespace TinyJwt.Tests.Http;

public class ServerLogTests
{
    [Test]
    public async Task WriteError_MultiLineMessage_WritesOneLine()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exception = new ObjectDisposedException("System.Net.HttpListenerResponse");

        await using (var log = new ServerLog(output, error))
        {
            log.WriteError("POST /login", exception);
            await log.FlushAsync();
        }

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain('\n'));
            Assert.That(lines, Has.Length.EqualTo(1));
            Assert.That(lines[0], Does.Contain("Object name: 'System.Net.HttpListenerResponse'"));
        }
    }
}
