using System.Security.Cryptography;
using System.Text;

namespace Summarizer.Pipeline.Events;

/// <summary>
/// The <see cref="HeaderName"/> header of a webhook delivery: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the
/// exact body bytes, keyed with the UTF-8 bytes of the shared secret. The body carries the event's <c>id</c> and
/// <c>time</c>, so they are signed too: a receiver can drop ids it has seen and events older than it accepts.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Summarizer-Signature";

    private const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> with <paramref name="secret"/>, compared in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));
}
