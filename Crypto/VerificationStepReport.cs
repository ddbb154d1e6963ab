using System;
using System.Collections.Generic;

namespace TinyJwt.Crypto;

/// <summary>The result of one verification step and the values it looked at.</summary>
public sealed class VerificationStepReport
{
    /// <summary>Creates a report for a step.</summary>
    public VerificationStepReport(
        VerificationStep step,
        TokenFailure failure,
        string description,
        IReadOnlyList<VerificationValue> values)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(values);
        Step = step;
        Failure = failure;
        Description = description;
        Values = values;
    }

    /// <summary>Gets the step that ran.</summary>
    public VerificationStep Step { get; }

    /// <summary>Gets the step's short title.</summary>
    public string Title => VerificationSteps.GetTitle(Step);

    /// <summary>Gets the specification section the step implements.</summary>
    public string Source => VerificationSteps.GetSource(Step);

    /// <summary>Gets a value that is true when the step passed.</summary>
    public bool Passed => Failure == TokenFailure.None;

    /// <summary>Gets the failure the step found, or <see cref="TokenFailure.None"/>.</summary>
    public TokenFailure Failure { get; }

    /// <summary>Gets a plain sentence saying what the step found.</summary>
    public string Description { get; }

    /// <summary>
    /// Gets the named values the step looked at, in the order a reader needs them.
    /// </summary>
    public IReadOnlyList<VerificationValue> Values { get; }
}
