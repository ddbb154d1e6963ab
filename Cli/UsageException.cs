using System;

namespace TinyJwt.Cli;

/// <summary>
/// A bad command line: the dispatcher prints the message on one line and exits with code 2.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
