using System.Collections.Generic;
using TinyJwt.Crypto;

namespace TinyJwt.Tests.Crypto;

/// <summary>An observer that keeps every step report.</summary>
internal sealed class RecordingObserver : IVerificationObserver
{
    public List<VerificationStepReport> Reports { get; } = [];

    public void OnStep(VerificationStepReport report)
    {
        Reports.Add(report);
    }

    public bool Passed(VerificationStep step)
    {
        VerificationStepReport? report = Find(step);
        return report is not null && report.Passed;
    }

    public VerificationStepReport? Find(VerificationStep step)
    {
        foreach (VerificationStepReport report in Reports)
        {
            if (report.Step == step)
            {
                return report;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns a named value of a step as text, or null when the step or the value is missing.
    /// </summary>
    public string? Value(VerificationStep step, string name)
    {
        VerificationStepReport? report = Find(step);
        if (report is null)
        {
            return null;
        }

        foreach (VerificationValue value in report.Values)
        {
            if (value.Name == name)
            {
                string text = value.ToString();
                return text[(name.Length + 2)..];
            }
        }

        return null;
    }
}
