using YamlDotNet.RepresentationModel;

namespace Packer.Core.Configuration;

/// <summary>
/// One setting, declared once in <see cref="Settings"/>: its packer.yaml key, its flag, its MSBuild property, its MCP
/// argument, what it takes, its default and the line the docs give it. packer.yaml's reader, the command line, the
/// merge into <see cref="PackOptions"/>, the MSBuild package's check, the MCP tools' schema and the docs' table are
/// all bound from it, so adding a setting is one entry.
/// </summary>
public abstract class Setting
{
    /// <summary>Gets the packer.yaml key.</summary>
    public required string Key { get; init; }

    /// <summary>Gets what it does, in one line (the flag's help and the docs say it).</summary>
    public required string Doc { get; init; }

    /// <summary>Gets the command line's flag (<c>--max-tokens</c>), <c>PATH</c> for the argument, or null when only packer.yaml sets it.</summary>
    public string? Flag { get; init; }

    /// <summary>Gets the flag's help where it says something else than <see cref="Doc"/> (a flag that turns the setting off), or null.</summary>
    public string? FlagDoc { get; init; }

    /// <summary>Gets the flag's short alias (<c>-t</c>), if any.</summary>
    public string? Alias { get; init; }

    /// <summary>Gets the commands the flag belongs to, as the docs name them.</summary>
    public string Commands { get; init; } = "pack, session";

    /// <summary>Gets the MSBuild package's property, or null when a build cannot set it.</summary>
    public string? MsBuildProperty { get; init; }

    /// <summary>Gets the MCP tools' argument, or null when a call cannot set it.</summary>
    public string? McpArgument { get; init; }

    /// <summary>Gets the default as the docs show it.</summary>
    public required string Default { get; init; }

    /// <summary>Gets what the setting takes, in the words every error message uses ("a whole number from 64 to 100,000,000").</summary>
    public abstract string Takes { get; }

    /// <summary>Gets the values a choice takes (empty for other kinds).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Gets a value indicating whether the value is a path, made absolute against packer.yaml's folder or the working folder.</summary>
    public bool IsPath { get; init; }

    /// <summary>Gets a value indicating whether the flag takes no value and sets <see cref="SwitchValue"/> (<c>--no-cache</c>).</summary>
    public abstract bool IsSwitch { get; }

    /// <summary>The value the flag sets when it takes no value.</summary>
    public abstract object? SwitchValue();

    /// <summary>Reads the value from packer.yaml.</summary>
    /// <param name="node">The key's value.</param>
    /// <param name="source">The file.</param>
    internal abstract object Read(YamlNode node, YamlSource source);

    /// <summary>Sets the value on the options of a run (settings that only a command reads leave them as they are).</summary>
    /// <param name="options">The options.</param>
    /// <param name="value">The value, of the setting's type.</param>
    internal abstract PackOptions Apply(PackOptions options, object value);
}

/// <summary>A setting whose value is a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Setting<T> : Setting
    where T : notnull
{
    /// <summary>Gets what the setting takes.</summary>
    public required string Expected { get; init; }

    /// <summary>Gets the smallest value a number takes (0 for other kinds).</summary>
    public long Minimum { get; init; }

    /// <summary>Gets the largest value a number takes.</summary>
    public long Maximum { get; init; } = long.MaxValue;

    /// <summary>Gets the value a flag that takes no value sets (<c>--no-cache</c>: false), or null when the flag takes a value.</summary>
    public Func<T>? Switch { get; init; }

    /// <summary>Gets the packer.yaml reader of the value.</summary>
    public required Func<YamlNode, YamlSource, T> ReadYaml { get; init; }

    /// <summary>Gets how the value sets the options of a run, or null when only a command reads it.</summary>
    public Func<PackOptions, T, PackOptions>? SetOption { get; init; }

    /// <inheritdoc/>
    public override string Takes => Expected;

    /// <inheritdoc/>
    public override bool IsSwitch => Switch is not null;

    /// <inheritdoc/>
    public override object? SwitchValue() => Switch is null ? null : Switch();

    /// <inheritdoc/>
    internal override object Read(YamlNode node, YamlSource source) => ReadYaml(node, source);

    /// <inheritdoc/>
    internal override PackOptions Apply(PackOptions options, object value) => SetOption is null ? options : SetOption(options, (T)value);
}
