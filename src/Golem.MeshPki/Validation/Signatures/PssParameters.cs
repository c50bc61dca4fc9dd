using System.Formats.Asn1;

namespace Golem.MeshPki.Validation.Signatures;

/// <summary>RSASSA-PSS-params (RFC 4055 3.1) that can be verified: hash and MGF1 hash OIDs, salt length in octets.</summary>
internal readonly record struct PssParameters(string HashOid, string MgfHashOid, int SaltLength)
{
    /// <summary>id-mgf1 (RFC 8017 B.2.1), the only mask generation function RFC 4055 defines for PSS.</summary>
    private const string Mgf1 = "1.2.840.113549.1.1.8";

    private const string Sha1 = "1.3.14.3.2.26";

    /// <summary>
    /// Reads the parameters from the signature's AlgorithmIdentifier; null when they name something not
    /// verified here (a mask generation function other than MGF1, a trailer field other than 1, a negative
    /// salt length) or are absent, which RFC 4055 3.1 does not allow in certificates.
    /// </summary>
    /// <exception cref="AsnContentException">The parameters are not DER RSASSA-PSS-params.</exception>
    public static PssParameters? Read(ReadOnlyMemory<byte> encodedAlgorithm)
    {
        AsnReader outer = new(encodedAlgorithm, AsnEncodingRules.DER);
        AsnReader algorithm = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        algorithm.ReadObjectIdentifier();
        if (!algorithm.HasData)
        {
            return null;
        }

        // RFC 4055 3.1: the defaults are SHA-1, MGF1 with SHA-1, a 20-octet salt and trailer field 1 (0xBC).
        string hash = Sha1;
        string mgfHash = Sha1;
        int saltLength = 20;
        int trailerField = 1;
        AsnReader parameters = algorithm.ReadSequence();
        algorithm.ThrowIfNotEmpty();
        if (TryReadExplicit(parameters, 0) is { } explicitHash)
        {
            hash = HashAlgorithmOid(explicitHash.ReadSequence());
            explicitHash.ThrowIfNotEmpty();
        }

        if (TryReadExplicit(parameters, 1) is { } explicitMgf)
        {
            AsnReader mgf = explicitMgf.ReadSequence();
            explicitMgf.ThrowIfNotEmpty();
            if (mgf.ReadObjectIdentifier() != Mgf1)
            {
                return null;
            }

            // MGF1's parameters are the AlgorithmIdentifier of its hash (RFC 8017 B.2.1).
            mgfHash = HashAlgorithmOid(mgf.ReadSequence());
            mgf.ThrowIfNotEmpty();
        }

        if (TryReadExplicit(parameters, 2) is { } explicitSalt)
        {
            if (!explicitSalt.TryReadInt32(out saltLength) || saltLength < 0)
            {
                return null;
            }

            explicitSalt.ThrowIfNotEmpty();
        }

        if (TryReadExplicit(parameters, 3) is { } explicitTrailer)
        {
            if (!explicitTrailer.TryReadInt32(out trailerField))
            {
                return null;
            }

            explicitTrailer.ThrowIfNotEmpty();
        }

        parameters.ThrowIfNotEmpty();

        // RFC 4055 3.1: trailerField 1 is the 0xBC octet of RFC 8017 9.1.1, the only one defined.
        return trailerField == 1 ? new PssParameters(hash, mgfHash, saltLength) : null;
    }

    private static AsnReader? TryReadExplicit(AsnReader parameters, int tagNumber)
    {
        Asn1Tag tag = new(TagClass.ContextSpecific, tagNumber, isConstructed: true);
        return parameters.HasData && parameters.PeekTag().HasSameClassAndValue(tag) ? parameters.ReadSequence(tag) : null;
    }

    /// <summary>The OID of a HashAlgorithm (RFC 4055 2.1): an AlgorithmIdentifier whose parameters are NULL or absent.</summary>
    private static string HashAlgorithmOid(AsnReader algorithmIdentifier)
    {
        string oid = algorithmIdentifier.ReadObjectIdentifier();
        if (algorithmIdentifier.HasData)
        {
            algorithmIdentifier.ReadNull();
        }

        algorithmIdentifier.ThrowIfNotEmpty();
        return oid;
    }
}
