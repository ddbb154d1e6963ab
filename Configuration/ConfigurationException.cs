using System;

namespace TinyJwt.Configuration;

/// <summary>
/// Error in a flag, an environment variable or a secret file that stops the server from starting.
/// </summary>
public class ConfigurationException : Exception
{
    /// <summary>Creates the error with a message a person can act on.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and the exception that caused it.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
