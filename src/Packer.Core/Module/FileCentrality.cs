namespace Packer.Core.Module;

/// <summary>How central one target file is, read from syntax alone (<see cref="SyntaxCentrality"/>).</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Mentions">How many other files spell the names of the types it declares, each name's files shared among the files that declare that name.</param>
/// <param name="Inside">The other target files that spell one of those names.</param>
/// <param name="Outside">The files outside the targets that spell one of those names.</param>
/// <param name="Interface">Whether it declares an interface (by the usual IName spelling).</param>
/// <param name="EntryPoint">Whether it declares an entry point: a Program, a Startup or a controller.</param>
/// <param name="ApproxTokens">Its size in tokens, estimated as characters / 4.</param>
/// <param name="Types">Its top-level types with their <see cref="Mentions"/> alone, in declaration-name order.</param>
internal sealed record FileCentrality(
    string Path, double Mentions, int Inside, int Outside, bool Interface, bool EntryPoint, int ApproxTokens, IReadOnlyList<TypeMentions> Types);

/// <summary>A top-level type and how many files spell its name (shared among the files that declare that name).</summary>
/// <param name="Name">Its simple name.</param>
/// <param name="Mentions">The files, other than its own, that spell it.</param>
internal sealed record TypeMentions(string Name, double Mentions);
