using System.Text;
using Summarizer.Pipeline.Events;

namespace Summarizer.IntegrationTests;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_hmac_sha256_of_the_body_as_lower_case_hex()
    {
        // RFC 4231, test case 2.
        var signature = WebhookSignature.Compute("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing?"));

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void A_signature_verifies_only_with_the_same_secret_and_the_same_bytes()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"1","data":{"headline":"Fähre fährt"}}""");
        var signature = WebhookSignature.Compute("secret-of-the-receiver", body);
        var changed = body.ToArray();
        changed[^3] ^= 1;

        Assert.True(WebhookSignature.Verify("secret-of-the-receiver", body, signature));
        Assert.False(WebhookSignature.Verify("secret-of-another-one", body, signature));
        Assert.False(WebhookSignature.Verify("secret-of-the-receiver", changed, signature));
        Assert.False(WebhookSignature.Verify("secret-of-the-receiver", body, signature.ToUpperInvariant()));
        Assert.False(WebhookSignature.Verify("secret-of-the-receiver", body, null));
    }
}
