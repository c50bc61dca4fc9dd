namespace Golem.MeshPki.Packaging;

/// <summary>
/// Thrown when a Kubernetes manifest cannot be read: the YAML or JSON is malformed, or a Secret in it
/// is (a <c>data</c> value that is not base64, a <c>data</c> that is not a mapping). Says where, as
/// <c>cacerts.yaml(12,3): data key 'ca-cert.pem' is not valid base64.</c>
/// </summary>
/// <remarks>
/// This is the only exception <see cref="SecretManifestReader"/> throws for bad input: any input either
/// reads or produces this exception. The message names keys and fields but never contains a secret value,
/// raw or decoded, because the value may be a private key.
/// </remarks>
public sealed class ManifestFormatException : FormatException
{
    /// <summary>Creates an exception for a problem at a 1-based <paramref name="line"/> and <paramref name="column"/> of <paramref name="sourceName"/>.</summary>
    /// <param name="sourceName">The file name the manifest was read from, or <c>-</c> for standard input.</param>
    /// <param name="line">The 1-based line of the problem.</param>
    /// <param name="column">The 1-based column (in characters) of the problem.</param>
    /// <param name="reason">Why the input is rejected, as one sentence without a trailing period; must not contain secret values.</param>
    public ManifestFormatException(string sourceName, int line, int column, string reason)
        : this(sourceName, line, column, reason, innerException: null)
    {
    }

    /// <summary>Creates an exception for a problem at a 1-based <paramref name="line"/> and <paramref name="column"/>, caused by <paramref name="innerException"/>.</summary>
    /// <param name="sourceName">The file name the manifest was read from, or <c>-</c> for standard input.</param>
    /// <param name="line">The 1-based line of the problem.</param>
    /// <param name="column">The 1-based column (in characters) of the problem.</param>
    /// <param name="reason">Why the input is rejected, as one sentence without a trailing period; must not contain secret values.</param>
    /// <param name="innerException">The parser's own exception, if any.</param>
    public ManifestFormatException(string sourceName, int line, int column, string reason, Exception? innerException)
        : base($"{sourceName}({line},{column}): {reason}.", innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file name the manifest was read from, or <c>-</c> for standard input.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, counted in characters.</summary>
    public int Column { get; }

    /// <summary>Why the input was rejected, without location and without a trailing period.</summary>
    public string Reason { get; }
}
