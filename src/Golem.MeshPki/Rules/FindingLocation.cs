namespace Golem.MeshPki.Rules;

/// <summary>Where in a text file a finding points: the file and a 1-based line and column, as compilers print them.</summary>
/// <param name="File">The file name as the user gave it.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct FindingLocation(string File, int Line, int Column)
{
    /// <summary>Returns <c>file(line,column)</c>, the form editors and CI annotations recognise.</summary>
    /// <returns>The location.</returns>
    public override string ToString() => File + "(" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + Column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
