using System.Net;
using Azure;
using Azure.Identity;
using Summarizer.Core;

namespace Summarizer.Pipeline.Operations;

/// <summary>Turns what the Azure SDK throws into one actionable line (<see cref="StorageAccessException"/>) for ops commands.</summary>
internal static class StorageFailure
{
    /// <summary>Runs a storage operation against <paramref name="endpoint"/>; a storage failure becomes a <see cref="StorageAccessException"/>.</summary>
    public static async Task<T> GuardAsync<T>(Uri endpoint, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Describe(ex, endpoint) is { } message)
        {
            throw new StorageAccessException(message, ex);
        }
    }

    /// <summary>One line for a storage failure; null for anything else (a bug, which should surface as such).</summary>
    public static string? Describe(Exception exception, Uri endpoint)
    {
        var where = $"storage at {endpoint.Authority} ({PipelineNames.StorageConnection})";
        return exception switch
        {
            // The SDK's retry policy gives up with every attempt's exception; the last says the most.
            AggregateException { InnerExceptions.Count: > 0 } all => Describe(all.InnerExceptions[^1], endpoint),
            RequestFailedException { Status: 0 } or TaskCanceledException or TimeoutException =>
                $"Cannot reach {where}: {FirstLine(Innermost(exception).Message)}. {Hint(endpoint)}",
            AuthenticationFailedException =>
                $"Cannot sign in to {where}: {FirstLine(exception.Message)}. Sign in with `az login`, or check {PipelineNames.StorageConnection}__clientId.",
            RequestFailedException { Status: (int)HttpStatusCode.Forbidden } refused =>
                $"The {where} refused access (HTTP 403{(refused.ErrorCode is null ? "" : " " + refused.ErrorCode)}): check the account key in {PipelineNames.StorageConnection}, or your identity's storage data roles.",
            RequestFailedException failed =>
                $"The {where} answered HTTP {failed.Status}{(failed.ErrorCode is null ? "" : " " + failed.ErrorCode)}: {FirstLine(failed.Message)}.",
            _ => null,
        };
    }

    /// <summary>The clients are built on first use; a malformed connection string fails there.</summary>
    public static string? DescribeSetting(Exception exception) => exception switch
    {
        FormatException or ArgumentException or InvalidOperationException or UriFormatException =>
            $"The {PipelineNames.StorageConnection} setting is not usable: {FirstLine(exception.Message)}. " +
            $"Set it to a storage connection string (e.g. UseDevelopmentStorage=true for Azurite), or set {PipelineNames.StorageConnection}__queueServiceUri and __tableServiceUri.",
        _ => null,
    };

    private static string Hint(Uri endpoint) =>
        endpoint.IsLoopback
            ? "Is Azurite running? Start it with `summarizer serve` or `npm run azurite`."
            : $"Check the {PipelineNames.StorageConnection} setting and the network.";

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }
        return exception;
    }

    private static string FirstLine(string message)
    {
        var line = message.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).TrimEnd('.').ToString();
    }
}
