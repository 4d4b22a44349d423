package io.prmos.engine.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded identity provider starts only on a loopback listener, whatever the profile is named. */
class DevIdentityGuardTest {

    @Test
    void refusedOnEveryNonLoopbackBindAndInProd() {
        for (String host : List.of("0.0.0.0", "::", "[::]", "10.0.0.7", "203.0.113.10", "no-such-host.invalid")) {
            assertTrue(DevIdentityGuard.refusal(true, host, List.of("production")).isPresent(), host);
            assertTrue(DevIdentityGuard.refusal(true, host, List.of("local")).isPresent(), host);
        }
        assertTrue(DevIdentityGuard.refusal(true, "127.0.0.1", List.of("prod")).isPresent());
    }

    @Test
    void allowedOnLoopbackOrWhenOff() {
        for (String host : List.of("localhost", "127.0.0.1", "127.0.0.2", "::1", "[::1]")) {
            assertFalse(DevIdentityGuard.refusal(true, host, List.of("local")).isPresent(), host);
            assertFalse(DevIdentityGuard.refusal(true, host, List.of("production")).isPresent(), host);
        }
        assertFalse(DevIdentityGuard.refusal(false, "0.0.0.0", List.of("prod")).isPresent());
    }
}
