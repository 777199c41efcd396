namespace Summarizer.Pipeline.AzureOpenAI;

/// <summary>The model could not produce a summary; the message says why in words an operator can act on.</summary>
public sealed class SummaryEngineException : Exception
{
    public SummaryEngineException(string message) : base(message) { }

    public SummaryEngineException(string message, Exception innerException) : base(message, innerException) { }

    public SummaryEngineException() { }

    /// <summary>Asking again cannot help (the service refused the request, its content filter blocked the reply): not retried.</summary>
    public bool IsPermanent { get; init; }
}
