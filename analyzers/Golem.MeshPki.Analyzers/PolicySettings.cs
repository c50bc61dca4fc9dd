using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// What one operation (a creation, <see langword="with"/>, factory call or property assignment) writes to the lifetime
/// settings, with the evaluator at hand. Rules ask for logical settings and get a value only when it is known: written
/// as a known constant, or not written on a new object (the library's default). Anything else is unknown, and skipped.
/// </summary>
internal sealed class PolicySettings
{
    public PolicySettings(IOperation operation, ApiSurface surface, ImmutableArray<WrittenValue> values, LifetimeGroup defaulted)
    {
        Operation = operation;
        Surface = surface;
        Values = values;
        Defaulted = defaulted;
    }

    /// <summary>The operation analyzed: where a diagnostic goes when no written value is to blame.</summary>
    public IOperation Operation { get; }

    /// <summary>The API surface it is.</summary>
    public ApiSurface Surface { get; }

    /// <summary>The values written, in evaluation order (a later value for the same setting wins).</summary>
    public ImmutableArray<WrittenValue> Values { get; }

    /// <summary>The halves whose unwritten settings have their defaults (a new object); in the others they are unknown.</summary>
    public LifetimeGroup Defaulted { get; }

    /// <summary>The last value written to a setting, or <see langword="null"/> when none is.</summary>
    public WrittenValue? Written(LifetimeSetting setting)
    {
        WrittenValue? found = null;
        foreach (WrittenValue value in Values)
        {
            if (value.Setting == setting)
            {
                found = value;
            }
        }

        return found;
    }

    /// <summary>A setting written to a known, non-null TimeSpan (or Go duration); <paramref name="where"/> is the value.</summary>
    public bool TryGetTimeSpan(LifetimeSetting setting, out TimeSpan value, out IOperation where)
    {
        value = default;
        where = null!;
        if (Written(setting) is not { } written || !TryTimeSpan(written, out value))
        {
            return false;
        }

        where = written.Value;
        return true;
    }

    /// <summary>A setting written to a known number; <paramref name="where"/> is the value.</summary>
    public bool TryGetNumber(LifetimeSetting setting, out double value, out IOperation where)
    {
        value = default;
        where = null!;
        if (Written(setting) is not { } written || !ConstantValues.TryGetDouble(written.Value, out value))
        {
            return false;
        }

        where = written.Value;
        return true;
    }

    /// <summary>
    /// A TimeSpan setting's value when it is known: written (null means the default), or not written on a new object
    /// (the default, <see cref="LifetimeSettings.DefaultTimeSpan"/>, which may be <see langword="null"/>: absent).
    /// <paramref name="where"/> is the written value, or <see langword="null"/> when it is not written or written as
    /// <see langword="null"/> (no value to point at).
    /// </summary>
    public bool TryGetEffectiveTimeSpan(LifetimeSetting setting, out TimeSpan? value, out IOperation? where)
    {
        value = LifetimeSettings.DefaultTimeSpan(setting);
        where = null;
        if (Written(setting) is not { } written)
        {
            return IsDefaulted(setting);
        }

        if (ConstantValues.IsNull(written.Value))
        {
            return true;
        }

        where = written.Value;

        bool known = TryTimeSpan(written, out TimeSpan found);
        value = found;
        return known;
    }

    /// <summary>A numeric setting's value when it is known, as <see cref="TryGetEffectiveTimeSpan"/>.</summary>
    public bool TryGetEffectiveNumber(LifetimeSetting setting, out double? value, out IOperation? where)
    {
        value = LifetimeSettings.DefaultNumber(setting);
        where = null;
        if (Written(setting) is not { } written)
        {
            return IsDefaulted(setting);
        }

        if (ConstantValues.IsNull(written.Value))
        {
            return true;
        }

        where = written.Value;

        bool known = ConstantValues.TryGetDouble(written.Value, out double found);
        value = found;
        return known;
    }

    /// <summary>Whether a setting is written to a value that cannot be null; <paramref name="where"/> is the value.</summary>
    public bool IsDefinitelySet(LifetimeSetting setting, out IOperation where)
    {
        where = null!;
        if (Written(setting) is not { } written
            || !(written.IsGoDuration ? TryTimeSpan(written, out _) : ConstantValues.IsDefinitelyNotNull(written.Value)))
        {
            return false;
        }

        where = written.Value;
        return true;
    }

    private bool IsDefaulted(LifetimeSetting setting) => (Defaulted & LifetimeSettings.GroupOf(setting)) != 0;

    // A string setting is a Go duration ("2160h"), read as istio and cert-manager read it; a string Go rejects makes the
    // factory throw at run time, so it is unknown.
    private static bool TryTimeSpan(WrittenValue written, out TimeSpan value) => written.IsGoDuration
        ? ConstantValues.TryGetGoDuration(written.Value, out value)
        : ConstantValues.TryGetTimeSpan(written.Value, out value);
}
