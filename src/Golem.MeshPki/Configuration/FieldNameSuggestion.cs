namespace Golem.MeshPki.Configuration;

/// <summary>Finds the known field name an unknown one was probably meant to be.</summary>
internal static class FieldNameSuggestion
{
    /// <summary>The largest edit distance still suggested: two typos, or one British spelling plus one slip.</summary>
    public const int MaxDistance = 2;

    /// <summary>
    /// The known name closest to <paramref name="unknown"/> by optimal-string-alignment (Damerau-Levenshtein)
    /// distance, ignoring case for a name that differs only in case; <see langword="null"/> when none is within
    /// <see cref="MaxDistance"/>. Ties go to the name listed first.
    /// </summary>
    public static string? Closest(string unknown, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = string.Equals(candidate, unknown, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(unknown, candidate, MaxDistance);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= MaxDistance ? best : null;
    }

    /// <summary>Optimal string alignment distance, or <paramref name="limit"/> + 1 when it is larger than <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Three rolling rows: the one before last is needed for transpositions.
        int[] previous2 = new int[b.Length + 1];
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
