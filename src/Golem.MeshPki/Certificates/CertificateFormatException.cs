namespace Golem.MeshPki.Certificates;

/// <summary>
/// Thrown when certificate material (PEM text or DER bytes) cannot be read. Says where
/// (byte offset or line), which field (e.g. <c>tbsCertificate.validity.notAfter</c>) and why.
/// </summary>
/// <remarks>
/// This is the only exception the parsing core throws for bad input: any byte sequence either
/// parses or produces this exception. The message never contains key material.
/// </remarks>
public sealed class CertificateFormatException : FormatException
{
    /// <summary>Creates an exception for malformed DER at <paramref name="offset"/> within <paramref name="fieldPath"/>.</summary>
    /// <param name="reason">Why the input is rejected, as one sentence without a trailing period.</param>
    /// <param name="fieldPath">The field being read, as a dotted path (<c>tbsCertificate.serialNumber</c>).</param>
    /// <param name="offset">The byte offset of the offending element from the start of the input.</param>
    public CertificateFormatException(string reason, string fieldPath, int offset)
        : base($"Malformed certificate at byte {offset} in {fieldPath}: {reason}.")
    {
        Reason = reason;
        FieldPath = fieldPath;
        Offset = offset;
    }

    /// <summary>Creates an exception for malformed PEM text at a 1-based <paramref name="lineNumber"/>.</summary>
    /// <param name="reason">Why the input is rejected, as one sentence without a trailing period.</param>
    /// <param name="lineNumber">The 1-based line of the text where the problem is.</param>
    /// <param name="offset">The character (or byte, for UTF-8 input) offset of the problem from the start of the text.</param>
    public CertificateFormatException(string reason, int lineNumber, int offset)
        : base($"Malformed PEM at line {lineNumber}: {reason}.")
    {
        Reason = reason;
        FieldPath = "pem";
        LineNumber = lineNumber;
        Offset = offset;
    }

    /// <summary>Why the input was rejected.</summary>
    public string Reason { get; }

    /// <summary>The field being read when the problem was found, e.g. <c>tbsCertificate.validity.notAfter</c>, or <c>pem</c> for PEM text.</summary>
    public string FieldPath { get; }

    /// <summary>Byte offset (DER) or character offset (PEM) of the problem from the start of the input.</summary>
    public int Offset { get; }

    /// <summary>The 1-based line number for PEM text; 0 for DER input.</summary>
    public int LineNumber { get; }
}
