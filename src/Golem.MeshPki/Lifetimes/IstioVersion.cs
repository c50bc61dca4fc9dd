using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// An Istio release, major.minor[.patch], read from a version or an image reference
/// (<c>docker.io/istio/pilot:1.24.2</c>, <c>1.31.0-distroless</c>). Behaviour that changed between
/// releases (istiod clamping workload certificates to the CA's NotAfter from 1.31) is keyed on it.
/// </summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch version, or null when the text gave only major.minor.</param>
public readonly record struct IstioVersion(int Major, int Minor, int? Patch = null) : IComparable<IstioVersion>
{
    /// <summary>Istio 1.31, the first release whose istiod clamps a workload certificate's NotAfter to the signing certificate's NotAfter.</summary>
    public static IstioVersion ClampsWorkloadNotAfter => new(1, 31);

    /// <summary>Whether istiod of this release clamps a workload certificate's NotAfter to the signing certificate's NotAfter (1.31 and later).</summary>
    public bool ClampsWorkloadCertificateToSigningCertificate => CompareTo(ClampsWorkloadNotAfter) >= 0;

    /// <summary>Reads a version or an image reference: "1.24", "1.24.2", "v1.24.2", "1.31.0-distroless", "docker.io/istio/pilot:1.24.2".</summary>
    /// <param name="text">The version or image reference.</param>
    /// <param name="version">The version, or default when the text holds none.</param>
    /// <returns>Whether a version was read.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out IstioVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string tag = text.Trim();

        // An image reference: drop a digest, then take the tag after the last ':' that follows the last '/'
        // (a registry may have a port: "registry:5000/istio/pilot:1.24.2").
        int at = tag.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            tag = tag[..at];
        }

        int slash = tag.LastIndexOf('/');
        int colon = tag.LastIndexOf(':');
        if (colon > slash)
        {
            tag = tag[(colon + 1)..];
        }
        else if (slash >= 0)
        {
            return false;
        }

        if (tag.StartsWith('v'))
        {
            tag = tag[1..];
        }

        // Drop a suffix: "-distroless", "-debug", "-rc.1", "+build".
        int suffix = tag.IndexOfAny(['-', '+']);
        if (suffix >= 0)
        {
            tag = tag[..suffix];
        }

        string[] parts = tag.Split('.');
        if (parts.Length is < 2 or > 3
            || !TryReadNumber(parts[0], out int major)
            || !TryReadNumber(parts[1], out int minor))
        {
            return false;
        }

        int? patch = null;
        if (parts.Length == 3)
        {
            if (!TryReadNumber(parts[2], out int p))
            {
                return false;
            }

            patch = p;
        }

        version = new IstioVersion(major, minor, patch);
        return true;
    }

    /// <summary>Reads a version or an image reference (see <see cref="TryParse"/>).</summary>
    /// <param name="text">The version or image reference.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> holds no major.minor[.patch] version.</exception>
    public static IstioVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out IstioVersion version)
            ? version
            : throw new FormatException($"'{text}' holds no Istio version (major.minor[.patch], optionally as an image tag).");
    }

    private static bool TryReadNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Orders releases; a missing patch sorts as patch 0.</summary>
    /// <param name="other">The other version.</param>
    /// <returns>Negative, zero or positive as this release is older, the same or newer.</returns>
    public int CompareTo(IstioVersion other)
    {
        int c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : (Patch ?? 0).CompareTo(other.Patch ?? 0);
    }

    /// <summary>Whether <paramref name="left"/> is older than <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(IstioVersion left, IstioVersion right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is newer than <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(IstioVersion left, IstioVersion right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is older than or the same as <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(IstioVersion left, IstioVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is newer than or the same as <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(IstioVersion left, IstioVersion right) => left.CompareTo(right) >= 0;

    /// <summary>"1.24" or "1.24.2".</summary>
    /// <returns>The version text.</returns>
    public override string ToString() =>
        Patch is int p
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{p}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
