namespace Packer.Core.Loading;

/// <summary>MSBuildWorkspace names each target framework of a project "Name(tfm)"; we count the project once.</summary>
internal static class ProjectNames
{
    /// <summary>Strips a trailing "(tfm)" from a project name.</summary>
    public static string WithoutFramework(string name)
    {
        var open = name.LastIndexOf('(');
        return open > 0 && name.EndsWith(')') ? name[..open] : name;
    }
}
