using System;

namespace TinyJwt.Users;

/// <summary>
/// Error raised when the user log cannot be opened, because it is damaged or unreadable.
/// </summary>
public class UserStoreException : Exception
{
    /// <summary>Creates the exception for a problem with a file as a whole.</summary>
    public UserStoreException(string message, string filePath)
        : base(message)
    {
        FilePath = filePath;
    }

    /// <summary>Creates the exception for a file that could not be opened or read.</summary>
    public UserStoreException(string message, string filePath, Exception innerException)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>Creates the exception for damage on one line of a file.</summary>
    public UserStoreException(string message, string filePath, int lineNumber)
        : base(message)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>Path of the file at fault.</summary>
    public string FilePath { get; }

    /// <summary>One-based number of the damaged line, or null for a whole-file problem.</summary>
    public int? LineNumber { get; }
}
