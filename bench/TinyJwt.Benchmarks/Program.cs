using BenchmarkDotNet.Running;

namespace TinyJwt.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line with BenchmarkDotNet's own switches.
/// </summary>
/// <remarks>
/// Full run: <c>dotnet run -c Release -- --filter '*'</c>. Quick smoke run, a few seconds per
/// case and figures only good for spotting breakage: add <c>--job short</c>, or
/// <c>--job dry</c> for a single invocation of each case.
/// </remarks>
internal static class Program
{
    public static void Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
