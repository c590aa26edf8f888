namespace Packer.Core.Localization;

/// <summary>One frame of a .NET stack trace pasted into a task: <c>at Ns.Type.Method(…) in /path/File.cs:line 42</c>.</summary>
/// <param name="Type">The frame's type, full name as the trace spells it, nested types joined by '.', no generic arity.</param>
/// <param name="Member">The method (or accessor) the frame is in, without compiler decorations.</param>
/// <param name="File">The source file the frame names, '/' separated, or null when the trace has no file.</param>
/// <param name="Line">The line the frame names, or null.</param>
public sealed record StackFrame(string Type, string Member, string? File, int? Line)
{
    /// <summary>Gets the frame as one line, for the manifest: <c>Ns.Type.Method</c> (and the line, when known).</summary>
    public string Display => $"{Type}.{Member}{(Line is { } line ? $" line {line}" : string.Empty)}";
}
