using System;
using System.IO;

namespace TinyJwt.Tests.Users;

/// <summary>New folder under the system temp folder, deleted with its contents.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "tinyjwt-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Path of a data folder inside this one, which the store itself creates.</summary>
    public string DataDirectory => System.IO.Path.Combine(Path, "data");

    /// <summary>Path of the user log inside <see cref="DataDirectory"/>.</summary>
    public string LogPath => System.IO.Path.Combine(DataDirectory, "users.jsonl");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Windows cannot delete a file that is still open, so the folder is left behind.
        }
    }
}
