using System.Text;

namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// The Punycode encoder of RFC 3492 6.3, for turning the Unicode rules of the Public Suffix List
/// into the A-labels certificates hold. Written out rather than borrowed from
/// <see cref="System.Globalization.IdnMapping"/> so the result never depends on the platform's
/// ICU or on globalization-invariant mode.
/// </summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    /// <summary>The A-label of a label: the label itself when it is ASCII, else <c>xn--</c> and its Punycode.</summary>
    /// <exception cref="ArgumentException">The label holds an unpaired surrogate.</exception>
    public static string ToAsciiLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return DnsNames.IsAscii(label) ? label : "xn--" + Encode(label);
    }

    /// <summary>RFC 3492 6.3: the basic code points in order, a delimiter, then the insertions as variable-length integers.</summary>
    /// <exception cref="ArgumentException">The text holds an unpaired surrogate.</exception>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var codePoints = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (!Rune.TryGetRuneAt(text, i, out Rune rune))
            {
                throw new ArgumentException("The text holds an unpaired surrogate at index " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", nameof(text));
            }

            codePoints.Add(rune.Value);
            i += rune.Utf16SequenceLength - 1;
        }

        var output = new StringBuilder(text.Length + 8);
        foreach (int c in codePoints)
        {
            if (c < InitialN)
            {
                output.Append((char)c);
            }
        }

        int basicCount = output.Length;
        int handled = basicCount;
        if (basicCount > 0)
        {
            output.Append('-');
        }

        int n = InitialN;
        int delta = 0;
        int bias = InitialBias;
        while (handled < codePoints.Count)
        {
            int next = int.MaxValue;
            foreach (int c in codePoints)
            {
                if (c >= n && c < next)
                {
                    next = c;
                }
            }

            // Checked arithmetic (the project's default) turns the overflow of 6.4 into an exception.
            delta += (next - n) * (handled + 1);
            n = next;
            foreach (int c in codePoints)
            {
                if (c < n)
                {
                    delta++;
                }
                else if (c == n)
                {
                    int q = delta;
                    for (int k = Base; ; k += Base)
                    {
                        int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                        if (q < t)
                        {
                            break;
                        }

                        output.Append(Digit(t + ((q - t) % (Base - t))));
                        q = (q - t) / (Base - t);
                    }

                    output.Append(Digit(q));
                    bias = Adapt(delta, handled + 1, handled == basicCount);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return output.ToString();
    }

    // RFC 3492 6.1.
    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + (d - 26));
}
