using System.CommandLine;
using Packer.Core.Configuration;

namespace Packer.Cli;

/// <summary>
/// The flags of the settings that have one (<see cref="Settings"/>), made from the table once and shared by the
/// commands that take them, and bound back into a <see cref="ConfigFile"/> layer: a setting's flag, key and checks
/// are declared in one place.
/// </summary>
internal static class SettingFlags
{
    private static readonly Dictionary<Setting, Symbol> Symbols = Settings.All.Where(s => s.Flag is not null).ToDictionary(s => s, Create);

    /// <summary>Gets the flag (or argument) of a setting.</summary>
    /// <param name="setting">A setting with a <see cref="Setting.Flag"/>.</param>
    public static Symbol For(Setting setting) => Symbols[setting];

    /// <summary>Gets the flags of settings, in the order given.</summary>
    /// <param name="settings">Settings with a <see cref="Setting.Flag"/>.</param>
    public static IEnumerable<Symbol> For(params Setting[] settings) => settings.Select(For);

    /// <summary>The settings the command line gives: those of its flags that were given, paths made absolute.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="workingDirectory">Where relative paths resolve.</param>
    public static ConfigFile Bind(ParseResult parse, string workingDirectory)
    {
        var flags = ConfigFile.Empty;
        foreach (var (setting, symbol) in Symbols)
        {
            if (parse.GetResult(symbol) is not null)
            {
                flags = flags.With(setting, Value(setting, symbol, parse, workingDirectory));
            }
        }

        return flags;
    }

    private static Symbol Create(Setting setting)
    {
        var flag = setting.Flag!;
        var aliases = setting.Alias is null ? Array.Empty<string>() : [setting.Alias];
        Symbol symbol = setting switch
        {
            { Flag: "PATH" } => new Argument<string?>(flag) { Description = Help(setting), Arity = ArgumentArity.ZeroOrOne },
            Setting<IReadOnlyList<TargetSpec>> => new Option<string[]>(flag, aliases) { Description = Help(setting), Arity = ArgumentArity.OneOrMore },
            Setting<int> number => PackFlags.WholeNumber(flag, Help(setting), (int)number.Minimum, (int)number.Maximum, number.Expected),
            { IsSwitch: true } => new Option<bool>(flag, aliases) { Description = Help(setting) },
            Setting<string> or Setting<BundleFormat> => new Option<string?>(flag, aliases) { Description = Help(setting) },
            _ => throw new InvalidOperationException($"setting '{setting.Key}' has a flag of a kind the command line cannot take."),
        };
        if (symbol is Option<string?> choice && setting.Choices.Count > 0)
        {
            choice.AcceptOnlyFromAmong([.. setting.Choices]);
        }

        return symbol;
    }

    // The line of the table, and what the value takes where the flag's name does not say it.
    private static string Help(Setting setting) =>
        setting.FlagDoc ?? (setting is Setting<int> ? $"{setting.Doc} Takes {setting.Takes}; default: {setting.Default}." : $"{setting.Doc} Default: {setting.Default}.");

    private static object? Value(Setting setting, Symbol symbol, ParseResult parse, string workingDirectory) => (setting, symbol) switch
    {
        (_, Argument<string?> path) => PackFlags.Absolute(parse.GetValue(path), workingDirectory),
        (Setting<IReadOnlyList<TargetSpec>>, Option<string[]> targets) => parse.GetValue(targets) is { Length: > 0 } given ? TargetSpec.ParseAll(given) : null,
        (_, Option<int?> number) => parse.GetValue(number),
        ({ IsSwitch: true }, Option<bool> on) => parse.GetValue(on) ? setting.SwitchValue() : null,
        (Setting<BundleFormat>, Option<string?> format) => parse.GetValue(format) is { } name ? OptionValues.ParseFormat(name) : null,
        ({ IsPath: true }, Option<string?> path) => PackFlags.Absolute(parse.GetValue(path), workingDirectory),
        (_, Option<string?> text) => parse.GetValue(text),
        _ => throw new InvalidOperationException($"setting '{setting.Key}' has a flag of a kind the command line cannot read."),
    };
}
