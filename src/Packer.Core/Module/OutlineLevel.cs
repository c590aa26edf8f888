namespace Packer.Core.Module;

/// <summary>How much of a target's folder tree an outline shows: a rung of its ladder, from every folder with its main types down to the top folder alone.</summary>
/// <param name="TypesPerFolder">The most used types named after each folder (0 for none).</param>
/// <param name="Depth">The deepest folder level shown (the top folder is level 0); deeper folders are counted in the one above them.</param>
internal sealed record OutlineLevel(int TypesPerFolder, int Depth)
{
    /// <summary>The depth that shows every folder.</summary>
    public const int Every = int.MaxValue;

    /// <summary>Describes the level, as the manifest's summary does.</summary>
    public string Describe() => (Depth, TypesPerFolder) switch
    {
        (Every, > 0) => $"every folder, up to {TypesPerFolder} types each",
        (Every, _) => "every folder",
        (0, _) => "the top folder only",
        _ => $"folders {Depth} levels deep",
    };
}
