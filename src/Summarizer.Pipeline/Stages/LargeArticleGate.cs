namespace Summarizer.Pipeline.Stages;

/// <summary>
/// Lets one large article at a time be cleaned or summarised in the host (one gate shared by both stages). A page of
/// several megabytes takes hundreds of megabytes while it is parsed or analysed; a burst of them at full concurrency
/// would take the host's memory with it, while small articles (nearly all news) pass without waiting.
/// </summary>
public sealed class LargeArticleGate : IDisposable
{
    /// <summary>Uploads above this size count as large: a long news article is well under 100 KB.</summary>
    public const long LargeBytes = 512 * 1024;

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Waits for the large-article slot when <paramref name="bytes"/> is large; dispose the result to leave.</summary>
    public async ValueTask<IDisposable?> EnterAsync(long bytes, CancellationToken cancellationToken)
    {
        if (bytes <= LargeBytes)
        {
            return null;
        }
        await _one.WaitAsync(cancellationToken);
        return new Leave(_one);
    }

    public void Dispose() => _one.Dispose();

    private sealed class Leave(SemaphoreSlim slot) : IDisposable
    {
        public void Dispose() => slot.Release();
    }
}
