using System;

namespace TinyJwt.Http;

/// <summary>Client closed or reset the connection while its request was being read.</summary>
/// <remarks>This is a client event for the log, never a server error or a 500.</remarks>
internal sealed class ClientDisconnectedException(Exception innerException)
    : Exception("The client closed the connection mid-request.", innerException);
