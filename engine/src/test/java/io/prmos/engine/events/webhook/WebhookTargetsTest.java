package io.prmos.engine.events.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which webhook targets are internal, and that the delivery check uses what the name resolves to at that moment. */
class WebhookTargetsTest {

    @Test
    void internalAddressesAreNotPublic() throws UnknownHostException {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255",
                "192.0.0.8", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1",
                "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2001:db8::1")) {
            assertFalse(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("8.8.8.8", "203.0.113.10", "172.32.0.1", "100.128.0.1", "169.253.1.1", "2a00:1450:4001::1",
                "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1")) {
            assertTrue(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void aNameReboundToAnInternalAddressAfterRegistrationIsRefusedAtDelivery() throws Exception {
        Deque<String> answers = new ArrayDeque<>(List.of("203.0.113.10", "169.254.169.254"));
        WebhookTargets targets = new WebhookTargets(false, host -> new InetAddress[] {InetAddress.getByName(answers.poll())});

        assertTrue(targets.refusal(URI.create("https://hooks.example.com/in")).isEmpty(), "a public answer at registration");
        WebhookTargets.Refused refused = assertThrows(WebhookTargets.Refused.class, () -> targets.resolve("hooks.example.com"));
        assertTrue(refused.getMessage().contains("169.254.169.254"), refused.getMessage());
    }

    @Test
    void everyAddressOfANameMustBePublicAndTheCheckedOneIsUsed() throws Exception {
        WebhookTargets mixed = new WebhookTargets(false, host -> new InetAddress[] {
                InetAddress.getByName("203.0.113.10"), InetAddress.getByName("10.0.0.1")});
        assertThrows(WebhookTargets.Refused.class, () -> mixed.resolve("hooks.example.com"));

        WebhookTargets public1 = new WebhookTargets(false, host -> new InetAddress[] {InetAddress.getByName("203.0.113.10")});
        assertEquals(InetAddress.getByName("203.0.113.10"), public1.resolve("hooks.example.com"));
    }

    @Test
    void anOperatorMayAllowPrivateTargetsAndUnknownNamesWaitForDelivery() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), new WebhookTargets(true).resolve("127.0.0.1"));
        assertTrue(new WebhookTargets(false).refusal(URI.create("http://[::1]:8080/")).isPresent());
        WebhookTargets unknown = new WebhookTargets(false, host -> {
            throw new UnknownHostException(host);
        });
        assertTrue(unknown.refusal(URI.create("https://not-yet.example.com/")).isEmpty());
        assertThrows(UnknownHostException.class, () -> unknown.resolve("not-yet.example.com"));
    }
}
