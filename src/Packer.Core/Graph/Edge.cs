namespace Packer.Core.Graph;

/// <summary>A weighted, directed dependency between two files.</summary>
/// <param name="From">The file that depends.</param>
/// <param name="To">The file depended on.</param>
/// <param name="Kind">Why they are joined.</param>
/// <param name="Weight">How strongly.</param>
/// <param name="Symbol">The symbol that weighs most (the type's name for partial parts).</param>
internal sealed record Edge(string From, string To, EdgeKind Kind, double Weight, string Symbol);
