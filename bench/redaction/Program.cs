using System.Diagnostics;
using System.Text;
using Packer.Core.Redaction;

// scan DIR: redacts every text file under DIR and prints each finding with the line it is on, then the time
// (first pass, and a second pass once every expression is jitted) and the counts by rule. time FILE [RUNS]: redacts one file RUNS times and prints the median and the fastest run.
if (args.Length < 2 || args[0] is not ("scan" or "time"))
{
    Console.Error.WriteLine("usage: scan DIR | time FILE [RUNS]");
    return 2;
}

var redactor = new SecretRedactor(RedactionOptions.Default);
return args[0] == "scan" ? Scan(args[1]) : Time(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 9);

int Scan(string root)
{
    var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
    var (files, bytes) = (0, 0L);
    var stopwatch = new Stopwatch();
    var texts = new List<(string Path, string Text)>();
    foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var path = Path.GetRelativePath(root, file).Replace('\\', '/');
        if (path.Split('/').Any(part => part is ".git" or "bin" or "obj"))
        {
            continue;
        }

        var raw = File.ReadAllBytes(file);
        if (raw.Length > 4 << 20 || Array.IndexOf(raw, (byte)0) >= 0)
        {
            continue;
        }

        var text = Encoding.UTF8.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal);
        files++;
        bytes += raw.Length;
        texts.Add((path, text));
        stopwatch.Start();
        var result = redactor.Redact(path, text);
        stopwatch.Stop();
        if (result.Findings.Count == 0)
        {
            continue;
        }

        var before = text.Split('\n');
        var after = result.Text.Split('\n');
        foreach (var finding in result.Findings)
        {
            counts[finding.RuleId] = counts.GetValueOrDefault(finding.RuleId) + 1;
            var line = before[finding.Line - 1].Trim();
            Console.WriteLine($"{path}:{finding.Line} {finding.RuleId}\n  - {Cut(line)}");
        }
    }

    // Once more, with every expression compiled and jitted: what redaction costs beyond the first use of each rule.
    // Processor time as well as wall time: on a busy machine the latter mostly measures the neighbours.
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var again = Stopwatch.StartNew();
    foreach (var (path, text) in texts)
    {
        redactor.Redact(path, text);
    }

    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"{files} text files, {bytes / 1e6:F1} MB, redacted in {stopwatch.Elapsed.TotalMilliseconds:F0} ms, again in {again.Elapsed.TotalMilliseconds:F0} ms ({cpu.TotalMilliseconds:F0} ms of processor time)");
    foreach (var (rule, count) in counts)
    {
        Console.WriteLine($"{count,5} {rule}");
    }

    return 0;
}

int Time(string file, int runs)
{
    var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
    var times = new List<double>();
    var cpus = new List<double>();
    var findings = 0;
    for (var i = 0; i < runs; i++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        findings = redactor.Redact("bundle.xml", text).Findings.Count;
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
        cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    times.Sort();
    cpus.Sort();
    Console.WriteLine($"{text.Length / 1e6:F1} M chars, {findings} findings, {runs} runs: median {times[runs / 2]:F0} ms, fastest {times[0]:F0} ms; processor time median {cpus[runs / 2]:F0} ms");
    return 0;
}

static string Cut(string line) => line.Length <= 220 ? line : line[..220] + "…";
