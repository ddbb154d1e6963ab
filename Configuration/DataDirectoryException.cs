using System;

namespace TinyJwt.Configuration;

/// <summary>
/// Error in the data folder or its generated secret file, which stops the server from starting
/// even though every flag is valid.
/// </summary>
public sealed class DataDirectoryException : ConfigurationException
{
    /// <summary>Creates the error with a message a person can act on.</summary>
    public DataDirectoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and the exception that caused it.</summary>
    public DataDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
