using System;
using System.Collections.Generic;
using System.Globalization;

namespace TinyJwt.Http;

/// <summary>HttpListener URL prefixes for a host and port.</summary>
/// <remarks>
/// HttpListener matches the request's Host header against its prefixes. A prefix for localhost
/// alone rejects "Host: 127.0.0.1:P" with its own 404, so the default registers both names,
/// which share one loopback socket. "+", "*" and "0.0.0.0" bind every IPv4 interface and accept
/// any Host. IPv6 literals cannot be served: the prefix parser splits at the first colon.
/// </remarks>
internal static class ListenerPrefixes
{
    public static IReadOnlyList<string> For(string host, int port)
    {
        string portText = port.ToString(CultureInfo.InvariantCulture);
        bool loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host == "127.0.0.1";
        if (loopback)
        {
            return [$"http://localhost:{portText}/", $"http://127.0.0.1:{portText}/"];
        }

        if (host is "0.0.0.0" or "+" or "*")
        {
            return [$"http://+:{portText}/"];
        }

        return [$"http://{host}:{portText}/"];
    }
}
