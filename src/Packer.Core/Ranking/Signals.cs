namespace Packer.Core.Ranking;

/// <summary>The evidence behind a file's score, each part in [0, 1] (graph proximity may exceed 1 for targets).</summary>
/// <param name="Graph">Personalized PageRank over the semantic dependency graph, scaled so the best non-target file is 1.</param>
/// <param name="CoUsage">Cosine of the files it uses against the files the targets use, scaled so the best non-target file is 1.</param>
/// <param name="Names">TF-IDF cosine of its identifiers against the targets', scaled so the best non-target file is 1.</param>
/// <param name="FileName">1 for a target's test or subject by name (FooTests for Foo), 0.5 for a target's file name elsewhere.</param>
/// <param name="Folder">1 in a target's folder, less with each folder step.</param>
/// <param name="Project">1 in a target's project, 0.5 in a neighbouring project.</param>
/// <param name="History">How often it was committed together with the targets (git), scaled so the most often is 1.</param>
public sealed record Signals(double Graph, double CoUsage, double Names, double FileName, double Folder, double Project, double History);
