using Golem.MeshPki.Configuration;

namespace Golem.MeshPki.Lifetimes;

/// <summary>A setting a <see cref="MeshTimeline"/> used: its value, and where it was read, or none when the default applied.</summary>
/// <typeparam name="T">The value's type (<see cref="TimeSpan"/>, <see cref="double"/>, <see cref="int"/>).</typeparam>
/// <param name="Value">The value used.</param>
/// <param name="Position">Where the value was read; <see langword="null"/> when it is the system's default.</param>
public readonly record struct MeshTimelineSetting<T>(T Value, SourcePosition? Position)
{
    /// <summary>Gets a value indicating whether the default applied because no usable setting was found.</summary>
    public bool IsDefault => Position is null;
}

/// <summary>The real certificates of a <c>cacerts</c> bundle that a <see cref="MeshTimeline"/> takes its absolute times from.</summary>
/// <param name="CaCertificate">The CA certificate that signs workload certificates (the intermediate cert-manager renews).</param>
/// <param name="Root">The root the chain ends at, when known.</param>
public sealed record MeshTimelineCertificates(Certificates.DerCertificate CaCertificate, Certificates.DerCertificate? Root);
