using System.ClientModel.Primitives;
using System.Globalization;

namespace Summarizer.Pipeline.AzureOpenAI;

/// <summary>
/// The client's retry, bounded: a limited number of attempts, exponential back-off, and a <c>Retry-After</c> honoured only
/// up to a cap. A longer one (rate limited for hours) is not waited for: the request fails at once.
/// </summary>
internal sealed class CappedRetryPolicy(int maxAttempts, TimeSpan maxRetryAfter, TimeSpan firstDelay) : ClientRetryPolicy(maxAttempts - 1)
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !RetryAfterTooLong(message);

    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && !RetryAfterTooLong(message);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) =>
        RetryAfter(message) ?? firstDelay * Math.Pow(2, Math.Max(0, tryCount - 1));

    private bool RetryAfterTooLong(PipelineMessage message) => RetryAfter(message) > maxRetryAfter;

    internal static TimeSpan? RetryAfter(PipelineMessage message)
    {
        var headers = message.Response?.Headers;
        if (headers is null)
        {
            return null;
        }
        if (headers.TryGetValue("retry-after-ms", out var milliseconds) && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }
        if (headers.TryGetValue("Retry-After", out var value))
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at - DateTimeOffset.UtcNow;
            }
        }
        return null;
    }
}
