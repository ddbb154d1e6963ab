using System;
using System.Globalization;
using System.IO;
using TinyJwt.Crypto;

namespace TinyJwt.Cli;

/// <summary>
/// Prints each verification step as it finishes: number, ✓ or ✗, title, RFC section and values.
/// </summary>
internal sealed class ExplainObserver : IVerificationObserver
{
    private const string Indent = "      ";

    private readonly TextWriter _output;
    private readonly Palette _palette;
    private readonly long _now;
    private int _stepCount;

    public ExplainObserver(TextWriter output, Palette palette, long now)
    {
        _output = output;
        _palette = palette;
        _now = now;
    }

    public int StepCount => _stepCount;

    public VerificationStepReport? LastReport { get; private set; }

    public void OnStep(VerificationStepReport report)
    {
        _stepCount++;
        LastReport = report;
        // A step stopped for want of a key did not find the token wrong, so it gets no ✗.
        string mark = report.Passed ? _palette.Pass("✓")
            : report.Failure == TokenFailure.NoKey ? _palette.Warn("–")
            : _palette.Fail("✗");
        string title = _palette.Bold(report.Title);
        _output.WriteLine($"{_stepCount,2}. {mark} {title}  {_palette.Dim(report.Source)}");
        foreach (VerificationValue value in report.Values)
        {
            WriteValue(value);
        }

        if (report.Passed)
        {
            _output.WriteLine(Indent + _palette.Dim(report.Description));
        }
        else if (report.Failure == TokenFailure.NoKey)
        {
            _output.WriteLine(Indent + _palette.Warn(report.Description));
        }
        else
        {
            _output.WriteLine(Indent + _palette.Fail(report.Description));
        }
    }

    private void WriteValue(VerificationValue value)
    {
        if (value.Bytes is not null)
        {
            _output.WriteLine($"{Indent}{value.Name}: {value.Bytes.Length} bytes");
            _output.WriteLine($"{Indent}  hex        {Convert.ToHexStringLower(value.Bytes)}");
            _output.WriteLine($"{Indent}  base64url  {Base64Url.Encode(value.Bytes)}");
            return;
        }

        if (value.Number is long number)
        {
            string formatted = IsTime(value.Name)
                ? TimeText.Describe(number, _now)
                : number.ToString(CultureInfo.InvariantCulture);
            _output.WriteLine($"{Indent}{value.Name}: {formatted}");
            return;
        }

        string text = value.Text ?? string.Empty;

        // The verifier reports some time claims as their JSON text, such as "1731545843".
        bool isWholeSeconds = long.TryParse(
            text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds);
        if (IsTime(value.Name) && isWholeSeconds)
        {
            _output.WriteLine($"{Indent}{value.Name}: {TimeText.Describe(seconds, _now)}");
            return;
        }

        _output.WriteLine($"{Indent}{value.Name}: {DisplayText.Escape(text)}");
    }

    private static bool IsTime(string name)
    {
        return name is "exp" or "nbf" or "iat" or "now";
    }
}
