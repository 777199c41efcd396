using System.Collections.Concurrent;

namespace Summarizer.Pipeline;

/// <summary>
/// What the host's parts have lately seen of their dependencies. A part that cannot reach one reports it and backs off;
/// <c>GET /api/health</c> then says <c>degraded</c> with the reason, until the part reports it is working again.
/// </summary>
public sealed class PipelineHealth
{
    private readonly ConcurrentDictionary<string, string> _problems = new(StringComparer.Ordinal);

    public void ReportUnavailable(string part, string reason) => _problems[part] = reason;

    public void ReportWorking(string part) => _problems.TryRemove(part, out _);

    /// <summary>The reasons, one per part that is not working, in a stable order; empty when all is well.</summary>
    public IReadOnlyList<string> Problems => [.. _problems.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
}
