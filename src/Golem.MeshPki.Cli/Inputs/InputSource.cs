namespace Golem.MeshPki.Cli.Inputs;

/// <summary>One thing to read, resolved from a PATH argument, in the order the user gave them.</summary>
/// <param name="SourceName">How outputs name it: the path as given (joined with the directory for files found in one), or <c>-</c>.</param>
internal abstract record InputSource(string SourceName);

/// <summary>A file to read.</summary>
/// <param name="SourceName">The path as given, or joined with the directory it was found in.</param>
/// <param name="FilePath">The path to open.</param>
internal sealed record FileInputSource(string SourceName, string FilePath) : InputSource(SourceName);

/// <summary>Standard input, named <c>-</c>.</summary>
internal sealed record StdinInputSource() : InputSource(InputSources.StdinName);

/// <summary>A PATH that exists but gives nothing to read (a directory without certificate files): an input error, not a usage error.</summary>
/// <param name="SourceName">The path as given.</param>
/// <param name="Message">Why nothing was read, as a sentence.</param>
internal sealed record EmptyInputSource(string SourceName, string Message) : InputSource(SourceName);
