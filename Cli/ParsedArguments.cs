using System;
using System.Collections.Generic;

namespace TinyJwt.Cli;

/// <summary>
/// The options and positional arguments of one subcommand, parsed against the options it accepts.
/// </summary>
/// <remarks>
/// Accepted forms: <c>--name value</c>, <c>--name=value</c>, flags without a value, and
/// <c>--</c> to end the options so that a later argument may start with '-'.
/// </remarks>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    private ParsedArguments()
    {
    }

    public bool WantsHelp { get; private set; }

    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>
    /// Parses <paramref name="args"/>; throws <see cref="UsageException"/> for an unknown option,
    /// a repeated option or an option without its value.
    /// </summary>
    public static ParsedArguments Parse(
        string[] args,
        IReadOnlyCollection<string> valueOptions,
        IReadOnlyCollection<string> flagOptions)
    {
        var parsed = new ParsedArguments();
        bool optionsEnded = false;
        for (int i = 0; i < args.Length; i++)
        {
            string argument = args[i];
            if (optionsEnded || argument.Length < 2 || argument[0] != '-')
            {
                parsed._positionals.Add(argument);
                continue;
            }

            if (argument == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (argument == "--help" || argument == "-h")
            {
                parsed.WantsHelp = true;
                continue;
            }

            int equals = argument.IndexOf('=');
            string name = equals < 0 ? argument : argument[..equals];
            if (Contains(flagOptions, name))
            {
                if (equals >= 0)
                {
                    throw new UsageException($"option {name} takes no value.");
                }

                parsed.AddFlag(name);
                continue;
            }

            if (!Contains(valueOptions, name))
            {
                throw new UsageException($"unknown option '{name}'.");
            }

            string value;
            if (equals >= 0)
            {
                value = argument[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                i++;
                value = args[i];
            }
            else
            {
                throw new UsageException($"option {name} needs a value.");
            }

            parsed.AddValue(name, value);
        }

        return parsed;
    }

    public string? GetValue(string name)
    {
        return _values.TryGetValue(name, out string? value) ? value : null;
    }

    public bool HasFlag(string name)
    {
        return _flags.Contains(name);
    }

    /// <summary>
    /// Returns the one positional argument called <paramref name="name"/> in usage text, or
    /// throws <see cref="UsageException"/> when there is none or more than one.
    /// </summary>
    public string GetSinglePositional(string name)
    {
        if (_positionals.Count == 0)
        {
            throw new UsageException($"missing {name}.");
        }

        if (_positionals.Count > 1)
        {
            // The extra argument may be a secret typed without its option, so it is not echoed.
            throw new UsageException(
                $"expected one {name} but got {_positionals.Count} arguments.");
        }

        return _positionals[0];
    }

    public void RequireNoPositionals()
    {
        if (_positionals.Count > 0)
        {
            throw new UsageException(
                $"expected no arguments besides options but got {_positionals.Count}.");
        }
    }

    private void AddValue(string name, string value)
    {
        if (!_values.TryAdd(name, value))
        {
            throw new UsageException($"option {name} is given more than once.");
        }
    }

    private void AddFlag(string name)
    {
        if (!_flags.Add(name))
        {
            throw new UsageException($"option {name} is given more than once.");
        }
    }

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (string candidate in names)
        {
            if (candidate == name)
            {
                return true;
            }
        }

        return false;
    }
}
