package io.prmos.engine.identity;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a bearer token was verified as, remembered by the exact token text until the token expires
 * (docs/adr/0085). Verifying an RS256 token and building its identity costs more CPU than the database
 * work of a read, and a client sends the same token for minutes; this answers the repeats.
 *
 * <p>The key is the whole token, compared in full, so a token that differs in any character (another
 * signature, another claim) is a different key and goes through full verification. Only tokens that
 * passed verification are ever stored. An entry is given up when the token expires (at {@code exp}
 * itself, as the verifier without clock skew would refuse it) or after {@code maxAge}, whichever is first, so a signing key
 * withdrawn at the issuer stops being honoured here within {@code maxAge} as well. At most about
 * {@code maxEntries} entries are kept: when full, expired entries go first, then a tenth of the rest.
 *
 * @param <T> what a verified token stands for (the security identity)
 */
public final class VerifiedTokens<T> {

    /** Longer tokens are verified every time: they would make one entry cost more than it saves. */
    static final int MAX_TOKEN_LENGTH = 8192;

    private record Entry<T>(T value, long untilMillis) {
    }

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clock;

    /**
     * @param maxEntries how many tokens to remember at most (0 turns remembering off)
     * @param maxAgeMillis how long after verification a token is trusted without verifying it again
     * @param clock the current time in epoch milliseconds
     */
    public VerifiedTokens(int maxEntries, long maxAgeMillis, LongSupplier clock) {
        if (maxEntries < 0 || maxAgeMillis < 0) {
            throw new IllegalArgumentException("token cache: max entries and max age must not be negative");
        }
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    /** What {@code token} was verified as, or null when it is unknown or no longer valid. */
    public T get(String token) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() >= entry.untilMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * Remembers a token that has just passed verification.
     *
     * @param expiresAtMillis the token's {@code exp} in epoch milliseconds; the entry never outlives it
     */
    public void remember(String token, T value, long expiresAtMillis) {
        if (maxEntries == 0 || token.length() > MAX_TOKEN_LENGTH) {
            return;
        }
        long now = clock.getAsLong();
        long until = Math.min(expiresAtMillis, now + maxAgeMillis);
        if (until <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(token, new Entry<>(value, until));
    }

    /** Forgets every token (tests, and a change of the trusted keys). */
    public void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** Drops expired entries, then, if still full, a tenth of the others (in hash order: no one token is favoured). */
    private synchronized void makeRoom(long now) {
        if (entries.size() < maxEntries) {
            return;
        }
        entries.values().removeIf(e -> e.untilMillis() <= now);
        int target = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
