using System.Net.Sockets;
using Azure;

namespace Summarizer.Pipeline.Storage;

/// <summary>Tells storage being away (unreachable, timing out, answering 5xx) from errors that retrying cannot fix.</summary>
public static class StorageFault
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or >= 500,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsUnavailable),
        HttpRequestException or SocketException or TimeoutException or IOException => true,
        // An emulator answering 500 with no body surfaces as an XML parse error in the client.
        System.Xml.XmlException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
