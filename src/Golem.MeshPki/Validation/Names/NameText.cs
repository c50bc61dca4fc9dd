using System.Globalization;
using System.Text;

namespace Golem.MeshPki.Validation.Names;

/// <summary>Quotes names taken from certificates for use in messages.</summary>
internal static class NameText
{
    private const int MaximumQuotedLength = 120;

    /// <summary>
    /// The value in single quotes, with control and non-ASCII characters escaped as <c>\u####</c> and
    /// anything past 120 characters cut: names come from untrusted certificates, and a message
    /// must not drive a terminal or a log parser.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaximumQuotedLength) + 8);
        builder.Append('\'');
        int length = Math.Min(value.Length, MaximumQuotedLength);
        for (int i = 0; i < length; i++)
        {
            char c = value[i];
            if (c is < ' ' or > '~')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (value.Length > MaximumQuotedLength)
        {
            builder.Append("...");
        }

        return builder.Append('\'').ToString();
    }
}
