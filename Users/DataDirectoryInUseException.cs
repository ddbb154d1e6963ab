namespace TinyJwt.Users;

/// <summary>Error raised when another server already holds the lock on the data folder.</summary>
public sealed class DataDirectoryInUseException : UserStoreException
{
    /// <summary>Creates the exception naming the lock file that another process holds.</summary>
    public DataDirectoryInUseException(string dataDirectory, string lockFilePath)
        : base(
            $"Another TinyJwt server owns the data folder '{dataDirectory}': it holds "
                + $"'{lockFilePath}' open. Stop that server, or start this one on another folder.",
            lockFilePath)
    {
    }
}
