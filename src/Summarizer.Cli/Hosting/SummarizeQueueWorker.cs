using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Summarizer.Core;
using Summarizer.Pipeline;
using Summarizer.Pipeline.Stages;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// The local host's summarize trigger: what the Functions host's queue trigger does in Azure, with its host.json
/// settings. A message is hidden for <see cref="VisibilityTimeout"/> while a worker holds it (renewed while the
/// engine runs), so one whose worker died is visible again within that time; a failed message comes back after
/// 1, 2, 4, 8 s and after <see cref="PipelineNames.MaxAttempts"/> goes to <c>summarize-poison</c>. Storage away:
/// back off up to 30 s, report the host degraded, carry on.
/// </summary>
public sealed partial class SummarizeQueueWorker(
    QueueServiceClient queues, SummarizeStage stage, PipelineHealth health, TimeProvider time, ILogger<SummarizeQueueWorker> logger)
    : BackgroundService
{
    /// <summary>Summaries in flight at once: the local engine is CPU-bound, the model engine waits on the network.</summary>
    public const int Concurrency = 8;

    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    private const string HealthPart = "storage (summarize queue)";
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(PipelineNames.SummarizeQueue);
        var poison = queues.GetQueueClient(PipelineNames.SummarizePoisonQueue);
        using var slots = new SemaphoreSlim(Concurrency);
        var inFlight = new List<Task>();
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Hold one free slot, and ask for as many messages as there are free slots.
                await slots.WaitAsync(stoppingToken);
                QueueMessage[] messages;
                try
                {
                    messages = await queue.ReceiveMessagesAsync(slots.CurrentCount + 1, VisibilityTimeout, stoppingToken);
                    failures = 0;
                    health.ReportWorking(HealthPart);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    slots.Release();
                    var wait = TimeSpan.FromSeconds(Math.Min(MaxBackOff.TotalSeconds, Math.Pow(2, failures++)));
                    health.ReportUnavailable(HealthPart, "The summarize queue cannot be reached; cleaned articles wait and are summarised when storage answers again.");
                    LogQueueUnavailable(ex.GetType().Name, wait.TotalSeconds);
                    await Task.Delay(wait, time, stoppingToken);
                    continue;
                }
                if (messages.Length == 0)
                {
                    slots.Release();
                    await Task.Delay(IdlePoll, time, stoppingToken);
                    continue;
                }
                inFlight.RemoveAll(t => t.IsCompleted);
                for (var i = 0; i < messages.Length; i++)
                {
                    if (i > 0)
                    {
                        await slots.WaitAsync(stoppingToken);
                    }
                    inFlight.Add(ProcessAsync(queue, poison, messages[i], slots, stoppingToken));
                }
            }
        }
        finally
        {
            await Task.WhenAll(inFlight);
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var receipt = message.PopReceipt;
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            var keepHidden = KeepHiddenAsync(queue, message.MessageId, () => receipt, r => receipt = r, holding.Token);
            try
            {
                await stage.RunAsync(message.Body.ToString(), message.DequeueCount, stoppingToken);
            }
            finally
            {
                await holding.CancelAsync();
                await keepHidden;
            }
            await queue.DeleteMessageAsync(message.MessageId, receipt, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The stage has recorded the failure on the article; the message decides where it goes next.
            await SettleFailureAsync(queue, poison, message, receipt, ex, stoppingToken);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Back on the queue after a pause that doubles with each attempt, or to the poison queue when they are spent.</summary>
    private async Task SettleFailureAsync(QueueClient queue, QueueClient poison, QueueMessage message, string receipt, Exception failure, CancellationToken cancellationToken)
    {
        var spent = message.DequeueCount >= PipelineNames.MaxAttempts;
        // The stage logged the failure itself (with its exception, when it was not storage being away).
        LogMessageFailed(message.MessageId, message.DequeueCount, failure.GetType().Name, spent ? "moved to the poison queue" : "will retry");
        try
        {
            if (spent)
            {
                await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, receipt, cancellationToken);
            }
            else
            {
                var pause = TimeSpan.FromSeconds(1 << (int)Math.Min(message.DequeueCount - 1, 4));
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: pause, cancellationToken: cancellationToken);
            }
        }
        catch (Exception ex) when (StorageFault.IsUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            // Storage is away: the message reappears by itself when its visibility timeout ends.
            LogSettleFailed(message.MessageId, ex.GetType().Name);
        }
    }

    /// <summary>Renews the message's invisibility at half its timeout while the stage works, so a long model call is not delivered twice.</summary>
    private async Task KeepHiddenAsync(QueueClient queue, string messageId, Func<string> receipt, Action<string> renewed, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(VisibilityTimeout / 2, time, cancellationToken);
                var update = await queue.UpdateMessageAsync(messageId, receipt(), visibilityTimeout: VisibilityTimeout, cancellationToken: cancellationToken);
                renewed(update.Value.PopReceipt);
            }
        }
        catch (OperationCanceledException)
        {
            // The stage finished.
        }
        catch (Exception ex) when (StorageFault.IsUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            // Could not renew: the message may be delivered again, which the stage tolerates (it is idempotent).
            LogSettleFailed(messageId, ex.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The summarize queue cannot be reached ({Error}); trying again in {Seconds} s")]
    private partial void LogQueueUnavailable(string error, double seconds);

    [LoggerMessage(LogLevel.Warning, "Summarize message {MessageId} failed on attempt {Attempt} ({Error}); {Next}")]
    private partial void LogMessageFailed(string messageId, long attempt, string error, string next);

    [LoggerMessage(LogLevel.Warning, "Could not settle summarize message {MessageId} ({Error}); it reappears when its visibility timeout ends")]
    private partial void LogSettleFailed(string messageId, string error);
}
