namespace Packer.Core.Graph;

/// <summary>
/// What binding one file found about one symbol it uses, before any weighing: the raw material of its
/// <see cref="Usage"/> list. Facts depend only on the file and on where the symbols are declared, not on
/// the rest of the solution's vocabulary, so they can be kept between runs (the name's rarity is applied
/// when the facts are weighed).
/// </summary>
/// <param name="Name">The symbol's name, whose rarity across the solution weighs the use.</param>
/// <param name="Display">The name shown in reasons (e.g. "Table.AddRow").</param>
/// <param name="Count">How often the file uses the symbol.</param>
/// <param name="DeclaredIn">The other solution files that declare it, without duplicates.</param>
/// <param name="IsBase">Whether the file derives from it or implements it.</param>
internal sealed record UsageFact(string Name, string Display, int Count, IReadOnlyList<string> DeclaredIn, bool IsBase);
