namespace TinyJwt.Cli;

/// <summary>
/// ANSI colours for terminal output; every method returns its text unchanged when colour is off.
/// </summary>
internal sealed class Palette
{
    private const string Reset = "\u001b[0m";

    private readonly bool _enabled;

    public Palette(bool enabled)
    {
        _enabled = enabled;
    }

    public bool Enabled => _enabled;

    public string Pass(string text)
    {
        return Paint("\u001b[32m", text);
    }

    public string Fail(string text)
    {
        return Paint("\u001b[31m", text);
    }

    public string Warn(string text)
    {
        return Paint("\u001b[33m", text);
    }

    public string Dim(string text)
    {
        return Paint("\u001b[2m", text);
    }

    public string Bold(string text)
    {
        return Paint("\u001b[1m", text);
    }

    private string Paint(string code, string text)
    {
        if (!_enabled)
        {
            return text;
        }

        return code + text + Reset;
    }
}
