using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Inputs;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>
/// Collects what the inputs hold into an <see cref="InspectionReport"/>: summarises each certificate
/// as it arrives (its memory may be reused afterwards), identifies each private key, and matches keys
/// to certificates at the end, so that a key may come before its certificate.
/// </summary>
internal sealed class InspectionReportBuilder : IInputSink
{
    private readonly List<CertificateSummary> _certificates = [];
    private readonly List<(string Source, PrivateKeyFacts Facts)> _keys = [];
    private readonly List<InputError> _errors = [];

    /// <inheritdoc />
    public void OnCertificate(string source, DerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        // Parse has checked everything read here: an exception would be a bug in the reader, not bad input.
        _certificates.Add(Summarize(source, certificate));
    }

    /// <inheritdoc />
    public void OnPrivateKey(string source, PrivateKeyMaterial key)
    {
        PrivateKeyFacts? facts = PrivateKeyInspector.Inspect(key);
        if (facts is null)
        {
            _errors.Add(new InputError(source, $"{key.Location}: not a valid private key of that kind."));
            return;
        }

        _keys.Add((source, facts));
    }

    /// <inheritdoc />
    public void OnError(string source, string message) => _errors.Add(new InputError(source, message));

    /// <summary>Matches keys to certificates and returns everything found.</summary>
    /// <returns>The report.</returns>
    public InspectionReport Build()
    {
        var keys = new List<PrivateKeySummary>(_keys.Count);
        foreach ((string source, PrivateKeyFacts facts) in _keys)
        {
            if (facts.Identity.UnknownReason is { } reason)
            {
                keys.Add(new PrivateKeySummary(source, facts.KeyAlgorithm, KeyMatchStatus.NotChecked, null, reason));
                continue;
            }

            // The first certificate with the key: a renewed certificate may reuse it, and input order is the user's.
            CertificateSummary? match = _certificates.Find(certificate => facts.Identity.MatchesCertificate(certificate.Certificate) == KeyMatch.Matches);
            keys.Add(match is null
                ? new PrivateKeySummary(source, facts.KeyAlgorithm, KeyMatchStatus.NoMatch, null, null)
                : new PrivateKeySummary(source, facts.KeyAlgorithm, KeyMatchStatus.Matched, match.Source, null));
        }

        return new InspectionReport(_certificates.ToArray(), keys, _errors.ToArray());
    }

    private static CertificateSummary Summarize(string source, DerCertificate certificate)
    {
        var extendedKeyUsage = new List<string>();
        foreach (ObjectIdentifier usage in certificate.GetExtendedKeyUsages())
        {
            extendedKeyUsage.Add(CertificateNames.ExtendedKeyUsage(usage));
        }

        var subjectAlternativeNames = new List<string>();
        foreach (GeneralName name in certificate.GetSubjectAlternativeNames())
        {
            subjectAlternativeNames.Add(name.ToString());
        }

        return new CertificateSummary
        {
            Source = source,
            Subject = certificate.Subject.ToString(),
            Issuer = certificate.Issuer.ToString(),
            SerialNumber = certificate.GetSerialNumberHex(),
            NotBefore = certificate.NotBefore,
            NotAfter = certificate.NotAfter,
            Sha256Fingerprint = certificate.GetSha256FingerprintHex(),
            IsCa = certificate.IsCertificateAuthority,
            PathLength = certificate.PathLengthConstraint,
            KeyAlgorithm = CertificateNames.KeyAlgorithm(certificate.PublicKeyAlgorithm, certificate.PublicKeyAlgorithmOid.ToString()),
            KeySize = certificate.KeySize,
            Curve = CertificateNames.Curve(certificate),
            CurveDisplayName = certificate.CurveName,
            SignatureAlgorithm = certificate.SignatureAlgorithmName,
            KeyUsage = CertificateNames.KeyUsage(certificate.KeyUsage),
            ExtendedKeyUsage = extendedKeyUsage,
            SubjectAlternativeNames = subjectAlternativeNames,
            SelfSigned = SelfSignature.IsSelfSigned(certificate),
            Certificate = DerCertificate.Parse(certificate.RawData.ToArray()),
        };
    }
}
