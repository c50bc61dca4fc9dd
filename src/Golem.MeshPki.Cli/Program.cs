using Golem.MeshPki.Cli;
using Golem.MeshPki.Cli.Output;

using Stream stdin = Console.OpenStandardInput();
return MeshPkiApp.Run(args, stdin, Console.Out, Console.Error, TimeProvider.System, TerminalOptions.Detect());
