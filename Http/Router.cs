using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace TinyJwt.Http;

/// <summary>Handler of one route: reads the request and returns the answer to send.</summary>
internal delegate Task<ApiResponse> RouteHandler(
    HttpListenerContext context,
    CancellationToken cancellationToken);

/// <summary>Table of (method, path) pairs and their handlers.</summary>
/// <remarks>
/// Paths are compared exactly and case-sensitively, without the query string, so "/login/" and
/// "/Login" are unknown paths (404). A known path with another method gets 405 and an Allow
/// header listing its methods (RFC 9110 §15.5.6).
/// </remarks>
internal sealed class Router
{
    private readonly Dictionary<string, Dictionary<string, RouteHandler>> _routes =
        new(StringComparer.Ordinal);

    public void Add(string method, string path, RouteHandler handler)
    {
        if (!_routes.TryGetValue(path, out Dictionary<string, RouteHandler>? methods))
        {
            methods = new Dictionary<string, RouteHandler>(StringComparer.Ordinal);
            _routes.Add(path, methods);
        }

        methods.Add(method, handler);
    }

    /// <summary>Runs the handler of the request's route, or returns 404 or 405.</summary>
    public Task<ApiResponse> DispatchAsync(
        HttpListenerContext context,
        string path,
        CancellationToken cancellationToken)
    {
        string method = context.Request.HttpMethod;

        // An unread request body would be drained before the connection could be reused, so
        // early answers to requests with a body close the connection.
        bool unreadBody = context.Request.HasEntityBody;
        if (!_routes.TryGetValue(path, out Dictionary<string, RouteHandler>? methods))
        {
            return Task.FromResult(Answers.NoRoute with { CloseConnection = unreadBody });
        }

        if (!methods.TryGetValue(method, out RouteHandler? handler))
        {
            string allow = string.Join(", ", methods.Keys);
            ApiResponse notAllowed = ApiResponse.Error(
                405,
                $"Method not allowed; use {allow} for {path}",
                $"method {method} not allowed") with
            {
                Allow = allow,
                CloseConnection = unreadBody,
            };
            return Task.FromResult(notAllowed);
        }

        return handler(context, cancellationToken);
    }
}
