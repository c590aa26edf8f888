namespace Packer.Core.Configuration;

/// <summary>What a target spec names.</summary>
public enum TargetKind
{
    /// <summary>A project, by name.</summary>
    Project,

    /// <summary>A file, by repository- or working-folder-relative path.</summary>
    File,

    /// <summary>A type, by full name or by a simple name that is unique.</summary>
    Type,

    /// <summary>A namespace and the namespaces inside it.</summary>
    Namespace,

    /// <summary>A folder and the folders inside it, by repository- or working-folder-relative path.</summary>
    Folder,
}
