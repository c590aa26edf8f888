using System.Collections.Immutable;
using Packer.Core.Diagnostics;

namespace Packer.Core.Configuration;

/// <summary>
/// The settings one layer gives (packer.yaml, or the command line's flags), each typed as its <see cref="Setting"/>
/// declares; a setting not given is absent. Paths are already absolute (resolved against the file's folder, or the
/// working folder for flags).
/// </summary>
public sealed class ConfigFile
{
    private readonly ImmutableDictionary<Setting, object> values;

    private ConfigFile(ImmutableDictionary<Setting, object> values, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        this.values = values;
        Locations = locations;
    }

    /// <summary>Gets a layer that sets nothing.</summary>
    public static ConfigFile Empty { get; } = new(ImmutableDictionary<Setting, object>.Empty, new Dictionary<string, SourceLocation>(StringComparer.Ordinal));

    /// <summary>Gets where in the file each key it sets is (line and column; empty for flags), so later errors about a key can point at it.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; }

    /// <summary>Gets the settings this layer gives, in <see cref="Settings.All"/>'s order.</summary>
    public IEnumerable<Setting> Given => Settings.All.Where(values.ContainsKey);

    /// <summary>Gets a setting's value, or null when this layer does not give it.</summary>
    /// <typeparam name="T">The value's type (a reference type).</typeparam>
    /// <param name="setting">The setting.</param>
    public T? Get<T>(Setting<T> setting)
        where T : class => values.TryGetValue(setting, out var value) ? (T)value : null;

    /// <summary>Gets a setting's value, or null when this layer does not give it.</summary>
    /// <typeparam name="T">The value's type (a value type).</typeparam>
    /// <param name="setting">The setting.</param>
    public T? GetValue<T>(Setting<T> setting)
        where T : struct => values.TryGetValue(setting, out var value) ? (T)value : null;

    /// <summary>Gives a setting a value (null: takes it away).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="setting">The setting.</param>
    /// <param name="value">Its value.</param>
    public ConfigFile With<T>(Setting<T> setting, T? value)
        where T : notnull => With(setting, (object?)value);

    /// <summary>Gives a setting a value (null: takes it away).</summary>
    /// <param name="setting">The setting.</param>
    /// <param name="value">Its value, of the setting's type.</param>
    public ConfigFile With(Setting setting, object? value) => new(value is null ? values.Remove(setting) : values.SetItem(setting, value), Locations);

    /// <summary>Tells where each key was set.</summary>
    /// <param name="locations">Where each key is in the file.</param>
    public ConfigFile At(IReadOnlyDictionary<string, SourceLocation> locations) => new(values, locations);

    /// <summary>Gets a setting's value as the object it is, or null.</summary>
    /// <param name="setting">The setting.</param>
    internal object? Find(Setting setting) => values.GetValueOrDefault(setting);
}
