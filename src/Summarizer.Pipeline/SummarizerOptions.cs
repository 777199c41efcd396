using System.ComponentModel.DataAnnotations;
using Summarizer.Core.Engine;

namespace Summarizer.Pipeline;

/// <summary>The <c>Summarizer</c> configuration section, bound once and validated when the host starts.</summary>
public sealed class SummarizerOptions
{
    public const long DefaultMaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>Which engine writes summaries: <c>local</c> (offline, the default).</summary>
    [Required]
    [AllowedValues(LocalSummaryEngine.EngineName, ErrorMessage = "Summarizer:Engine must be 'local'.")]
    public string Engine { get; set; } = LocalSummaryEngine.EngineName;

    /// <summary>Uploads larger than this are refused (status failed); the raw upload stays as it is.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}
