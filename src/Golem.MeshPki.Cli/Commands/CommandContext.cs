using Golem.MeshPki.Cli.Output;

namespace Golem.MeshPki.Cli.Commands;

/// <summary>What a command needs from the outside world, so that it runs the same in a process and in a test.</summary>
/// <param name="Stdin">Standard input as bytes.</param>
/// <param name="Stdout">Where results go.</param>
/// <param name="Stderr">Where errors go.</param>
/// <param name="Time">The clock; nothing reads <see cref="DateTime.UtcNow"/>.</param>
/// <param name="Terminal">Colours and width when stdout is a terminal, or <see langword="null"/> for plain text.</param>
internal sealed record CommandContext(Stream Stdin, TextWriter Stdout, TextWriter Stderr, TimeProvider Time, TerminalOptions? Terminal);
