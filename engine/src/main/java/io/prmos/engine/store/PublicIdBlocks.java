package io.prmos.engine.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public-id numbers this engine instance has reserved and not used yet, per tenant and entity
 * (docs/adr/0094): a top-level create takes its number from here and reserves a block of
 * {@code size} numbers from the counter only when the block is used up, so most creates run no
 * reservation at all. Only numbers whose reservation has committed are kept here — never numbers
 * reserved inside a transaction that could still roll back — so a number is handed out once.
 * Unused numbers are lost when the instance stops (gaps, as with a sequence's cache).
 */
public final class PublicIdBlocks {

    /** Beyond this many (tenant, entity) pairs the cache starts over; the numbers it held become gaps. */
    private static final int MAX_KEYS = 10_000;

    private final int size;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    /** {@code size} numbers per reservation; 1 turns the cache off (every create reserves its own number). */
    public PublicIdBlocks(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("prm.public-ids.block-size must be at least 1, not " + size);
        }
        this.size = size;
    }

    /** Whether numbers are kept for later creates at all (block size above 1). */
    boolean caches() {
        return size > 1;
    }

    /** How many numbers to reserve for a request that needs {@code count}: its own and, when caching, a block for later. */
    int reservation(int count) {
        return size == 1 ? count : count + size;
    }

    /** The first of {@code count} consecutive cached numbers, or {@code null} when the cache cannot serve them. */
    Long take(String tenant, String entity, int count) {
        Block block = blocks.get(key(tenant, entity));
        return block == null ? null : block.take(count);
    }

    /** How many numbers a refill reserves: one block. */
    int refillSize() {
        return size;
    }

    /**
     * Whether the caller should reserve the next block now, in the background (docs/adr/0103): the numbers
     * held for (tenant, entity) are below half a block and no refill is on its way. {@code true} marks one as
     * on its way; {@link #refilled} or {@link #refillFailed} ends it.
     */
    boolean startRefill(String tenant, String entity) {
        Block block = size == 1 ? null : blocks.get(key(tenant, entity));
        return block != null && block.startRefill(size / 2);
    }

    /** A refill's committed reservation {@code first..last} joins the numbers held. */
    void refilled(String tenant, String entity, long first, long last) {
        settle(tenant, entity, first, last, 0);
        Block block = blocks.get(key(tenant, entity));
        if (block != null) {
            block.refillEnded();
        }
    }

    /** A refill failed; the next create that finds the numbers low tries again. */
    void refillFailed(String tenant, String entity) {
        Block block = blocks.get(key(tenant, entity));
        if (block != null) {
            block.refillEnded();
        }
    }

    /**
     * Adds the committed reservation {@code first..last} to the cache and takes {@code count} numbers
     * from it for the request that reserved: the lowest the cache holds, which may be another request's
     * reservation. Every reserved number thus passes through the cache, lowest first, so creates that
     * reserved at the same time waste nothing and later creates still get consecutive numbers.
     */
    long settle(String tenant, String entity, long first, long last, int count) {
        if (size == 1) {
            return first;
        }
        if (blocks.size() >= MAX_KEYS) {
            blocks.clear();
        }
        return blocks.computeIfAbsent(key(tenant, entity), k -> new Block()).settle(first, last, count);
    }

    private static String key(String tenant, String entity) {
        return tenant + '\u0000' + entity;
    }

    /** Ranges of numbers by their first, adjacent ones joined; used under the block's own lock, so two creates never get the same number. */
    private static final class Block {
        /** More ranges than this only come from bulk requests cutting holes; the lowest are dropped (gaps). */
        private static final int MAX_RANGES = 256;
        private final java.util.TreeMap<Long, Long> ranges = new java.util.TreeMap<>();
        /** Numbers in {@link #ranges}. */
        private long held;
        private boolean refilling;

        synchronized boolean startRefill(long below) {
            if (refilling || held >= below) {
                return false;
            }
            refilling = true;
            return true;
        }

        synchronized void refillEnded() {
            refilling = false;
        }

        synchronized long settle(long first, long last, int count) {
            add(first, last);
            Long taken = take(count);
            if (taken == null) {
                throw new IllegalStateException("a range of " + (last - first + 1) + " numbers cannot serve " + count);
            }
            return taken;
        }

        private void add(long first, long last) {
            held += last - first + 1;
            Map.Entry<Long, Long> before = ranges.lowerEntry(first);
            if (before != null && before.getValue() + 1 == first) {
                ranges.remove(before.getKey());
                first = before.getKey();
            }
            Long after = ranges.get(last + 1);
            if (after != null) {
                ranges.remove(last + 1);
                last = after;
            }
            ranges.put(first, last);
            if (ranges.size() > MAX_RANGES) {
                Map.Entry<Long, Long> dropped = ranges.pollFirstEntry();
                held -= dropped.getValue() - dropped.getKey() + 1;
            }
        }

        synchronized Long take(int count) {
            for (Map.Entry<Long, Long> range : ranges.entrySet()) {
                long first = range.getKey();
                long last = range.getValue();
                if (last - first + 1 >= count) {
                    held -= count;
                    ranges.remove(first);
                    if (first + count <= last) {
                        ranges.put(first + count, last);
                    }
                    return first;
                }
            }
            return null;
        }
    }
}
