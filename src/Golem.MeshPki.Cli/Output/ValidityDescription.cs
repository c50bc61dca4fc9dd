using System.Globalization;

namespace Golem.MeshPki.Cli.Output;

/// <summary>Says how a validity period stands at a given time, in whole days: <c>expires in 12 days</c>, <c>EXPIRED 3 days ago</c>.</summary>
internal static class ValidityDescription
{
    /// <summary>The state of [<paramref name="notBefore"/>, <paramref name="notAfter"/>] at <paramref name="now"/>.</summary>
    /// <param name="notBefore">Start of validity.</param>
    /// <param name="notAfter">End of validity (RFC 5280 4.1.2.5: inclusive).</param>
    /// <param name="now">The time to judge at.</param>
    /// <returns>Whether it is expired, not yet valid, or valid, and the text saying so.</returns>
    public static (ValidityState State, string Text) Describe(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset now)
    {
        if (now > notAfter)
        {
            return (ValidityState.Expired, "EXPIRED " + Days(now - notAfter) + " ago");
        }

        if (now < notBefore)
        {
            return (ValidityState.NotYetValid, "NOT YET VALID: starts in " + Days(notBefore - now) + ", expires in " + Days(notAfter - now));
        }

        return (ValidityState.Valid, "expires in " + Days(notAfter - now));
    }

    /// <summary>Whole days, rounded down: 23 hours is "0 days", as <c>openssl x509 -checkend</c> counts whole periods.</summary>
    private static string Days(TimeSpan span)
    {
        long days = (long)Math.Floor(span.TotalDays);
        return days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";
    }
}

/// <summary>Where a time falls relative to a validity period.</summary>
internal enum ValidityState
{
    /// <summary>Inside the period.</summary>
    Valid,

    /// <summary>After notAfter.</summary>
    Expired,

    /// <summary>Before notBefore.</summary>
    NotYetValid,
}
