using TinyJwt.Cli;

return await CommandLine.RunAsync(args);
