using System.IO;
using System.Threading.Tasks;

namespace TinyJwt.Cli;

// TODO: replaced by the real server start-up; this placeholder only lets the skeleton build.
internal static class ServeCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("tinyjwt serve: the server is not built yet.");
        return Task.FromResult(1);
    }
}
