using System.Security.Cryptography;

namespace Summarizer.Core.Documents;

/// <summary>The identity of an upload's content: lower-case hex SHA-256 of its raw bytes. Every "same content" check compares these.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
