namespace Summarizer.Pipeline.Stages;

/// <summary>
/// Told of every upload that went through the service. In Azure nothing needs it (Event Grid reports every blob
/// written); the local host's watcher cleans such uploads at once instead of finding them on its next listing.
/// </summary>
public interface IUploadObserver
{
    void Uploaded(string blobName, Azure.ETag etag);
}
