package io.prmos.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The remembered verifications: never past exp or max age, never more than about max entries, exact keys. */
class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    private VerifiedTokens<String> tokens(int maxEntries, long maxAgeMillis) {
        return new VerifiedTokens<>(maxEntries, maxAgeMillis, now::get);
    }

    @Test
    void aTokenIsKnownUntilItsExpiryAndNotAtIt() {
        VerifiedTokens<String> tokens = tokens(10, 60_000);
        tokens.remember("t", "alice", now.get() + 5_000);
        assertEquals("alice", tokens.get("t"));
        now.addAndGet(4_999);
        assertEquals("alice", tokens.get("t"));
        now.addAndGet(1);
        assertNull(tokens.get("t"), "at exp the token is no longer valid");
        assertEquals(0, tokens.size(), "an expired entry is dropped when met");
    }

    @Test
    void maxAgeBoundsTrustInALongLivedToken() {
        VerifiedTokens<String> tokens = tokens(10, 1_000);
        tokens.remember("t", "alice", now.get() + 3_600_000);
        now.addAndGet(999);
        assertEquals("alice", tokens.get("t"));
        now.addAndGet(1);
        assertNull(tokens.get("t"));
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        VerifiedTokens<String> tokens = tokens(10, 60_000);
        tokens.remember("t", "alice", now.get());
        tokens.remember("u", "bob", now.get() - 1);
        assertNull(tokens.get("t"));
        assertNull(tokens.get("u"));
        assertEquals(0, tokens.size());
    }

    @Test
    void onlyTheExactTokenMatches() {
        VerifiedTokens<String> tokens = tokens(10, 60_000);
        tokens.remember("header.payload.signature", "alice", now.get() + 5_000);
        assertNull(tokens.get("header.payload.signaturE"));
        assertNull(tokens.get("header.payload.signature "));
        assertNull(tokens.get("header.payload"));
    }

    @Test
    void theNumberOfEntriesStaysBounded() {
        VerifiedTokens<String> tokens = tokens(100, 60_000);
        for (int i = 0; i < 1000; i++) {
            tokens.remember("token-" + i, "user-" + i, now.get() + 5_000);
            assertTrue(tokens.size() <= 100, "size " + tokens.size() + " after " + (i + 1));
        }
        assertEquals("user-999", tokens.get("token-999"), "the newest token is always kept");
    }

    @Test
    void expiredEntriesAreDroppedBeforeLiveOnes() {
        VerifiedTokens<String> tokens = tokens(10, 60_000);
        for (int i = 0; i < 5; i++) {
            tokens.remember("short-" + i, "s", now.get() + 1_000);
        }
        for (int i = 0; i < 5; i++) {
            tokens.remember("long-" + i, "l", now.get() + 50_000);
        }
        now.addAndGet(2_000);
        tokens.remember("new", "n", now.get() + 50_000);
        assertEquals(6, tokens.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("l", tokens.get("long-" + i));
        }
    }

    @Test
    void zeroEntriesRemembersNothingAndOverlongTokensAreNotRemembered() {
        VerifiedTokens<String> off = tokens(0, 60_000);
        off.remember("t", "alice", now.get() + 5_000);
        assertNull(off.get("t"));
        VerifiedTokens<String> tokens = tokens(10, 60_000);
        String huge = "x".repeat(VerifiedTokens.MAX_TOKEN_LENGTH + 1);
        tokens.remember(huge, "alice", now.get() + 5_000);
        assertNull(tokens.get(huge));
        assertThrows(IllegalArgumentException.class, () -> tokens(-1, 0));
    }

    @Test
    void theBearerSchemeIsReadLikeQuarkusOidcDoes() {
        assertEquals("abc.def.ghi", VerifiedTokenMechanism.bearerToken("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", VerifiedTokenMechanism.bearerToken("bearer abc.def.ghi"));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearer "));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearer a b"));
        assertNull(VerifiedTokenMechanism.bearerToken("ApiKey prm_x"));
        assertNull(VerifiedTokenMechanism.bearerToken(null));
    }
}
