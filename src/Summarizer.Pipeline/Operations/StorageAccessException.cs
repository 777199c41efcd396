namespace Summarizer.Pipeline.Operations;

/// <summary>
/// Storage cannot be used by an ops command: unreachable, refusing the credentials, or misconfigured.
/// The message is one line a person can act on; the cause stays on <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class StorageAccessException : Exception
{
    public StorageAccessException() { }

    public StorageAccessException(string message) : base(message) { }

    public StorageAccessException(string message, Exception innerException) : base(message, innerException) { }
}
