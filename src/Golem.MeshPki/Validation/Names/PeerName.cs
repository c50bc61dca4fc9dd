namespace Golem.MeshPki.Validation.Names;

/// <summary>What kind of identity a client expects its peer to have.</summary>
public enum PeerNameKind
{
    /// <summary>A DNS host name, matched against dNSName subjectAltNames.</summary>
    Dns = 0,

    /// <summary>An IPv4 or IPv6 address, matched against iPAddress subjectAltNames.</summary>
    IPAddress = 1,
}

/// <summary>
/// The identity a client expects of the server it connects to (RFC 6125's reference identifier):
/// a DNS name or an IP address, as text. Its syntax is checked when it is matched, so that an
/// invalid expectation is an ordinary failed match with a reason.
/// </summary>
public readonly record struct PeerName
{
    /// <summary>An expected peer name.</summary>
    /// <param name="kind">DNS name or IP address.</param>
    /// <param name="value">The name or address text, e.g. <c>api.bank.example</c> or <c>2001:db8::1</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public PeerName(PeerNameKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (kind is not (PeerNameKind.Dns or PeerNameKind.IPAddress))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A peer name is a DNS name or an IP address.");
        }

        Kind = kind;
        Value = value;
    }

    /// <summary>DNS name or IP address.</summary>
    public PeerNameKind Kind { get; }

    /// <summary>The name or address text; null only for <c>default(PeerName)</c>.</summary>
    public string Value { get; }

    /// <summary>An expected DNS name, such as <c>api.bank.example</c>.</summary>
    /// <param name="name">The host name (A-labels for internationalized names).</param>
    /// <returns>The peer name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static PeerName Dns(string name) => new(PeerNameKind.Dns, name);

    /// <summary>An expected IP address, such as <c>192.0.2.10</c> or <c>2001:db8::1</c>.</summary>
    /// <param name="address">The address text.</param>
    /// <returns>The peer name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static PeerName IPAddress(string address) => new(PeerNameKind.IPAddress, address);

    /// <summary>A peer name from a kind word, as x509-limbo writes them: <c>DNS</c> or <c>IP</c> (any case).</summary>
    /// <param name="kind"><c>DNS</c> or <c>IP</c>.</param>
    /// <param name="value">The name or address text.</param>
    /// <returns>The peer name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kind"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is neither <c>DNS</c> nor <c>IP</c> (e.g. <c>RFC822</c>, which server identity does not use).</exception>
    public static PeerName Parse(string kind, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.Equals("DNS", StringComparison.OrdinalIgnoreCase))
        {
            return Dns(value);
        }

        if (kind.Equals("IP", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress(value);
        }

        throw new ArgumentException("Peer name kind " + NameText.Quote(kind) + " is not supported; use 'DNS' or 'IP'.", nameof(kind));
    }

    /// <summary>The kind and value as a subjectAltName is printed: <c>DNS:api.bank.example</c>, <c>IP:192.0.2.10</c>.</summary>
    public override string ToString() => (Kind == PeerNameKind.IPAddress ? "IP:" : "DNS:") + Value;
}
