package io.prmos.engine.events.webhook;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification's reference libraries. */
    @Test
    void signsTheStandardWebhooksReferenceExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void generatedSecretsAreValidAndDistinct() {
        String a = WebhookSignature.newSecret();
        assertTrue(WebhookSignature.isValidSecret(a), a);
        assertNotEquals(a, WebhookSignature.newSecret());
        assertFalse(WebhookSignature.isValidSecret("whsec_short"));
        assertFalse(WebhookSignature.isValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertFalse(WebhookSignature.isValidSecret("whsec_not base64!"));
    }
}
