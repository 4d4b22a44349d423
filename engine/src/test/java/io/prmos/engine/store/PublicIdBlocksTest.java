package io.prmos.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublicIdBlocksTest {

    @Test
    void aKeptBlockHandsOutItsNumbersOnceInOrderThenNothing() {
        PublicIdBlocks blocks = new PublicIdBlocks(4);
        assertNull(blocks.take("acme", "partners.Partner", 1));
        assertEquals(10L, blocks.settle("acme", "partners.Partner", 10, 14, 1));
        assertEquals(11L, blocks.take("acme", "partners.Partner", 1));
        assertEquals(12L, blocks.take("acme", "partners.Partner", 2));
        assertNull(blocks.take("acme", "partners.Partner", 2), "only 14 is left");
        assertEquals(14L, blocks.take("acme", "partners.Partner", 1));
        assertNull(blocks.take("acme", "partners.Partner", 1));
    }

    @Test
    void blocksAreKeptPerTenantAndEntity() {
        PublicIdBlocks blocks = new PublicIdBlocks(4);
        blocks.settle("acme", "partners.Partner", 1, 5, 1);
        assertNull(blocks.take("globex", "partners.Partner", 1));
        assertNull(blocks.take("acme", "deals.Deal", 1));
        assertEquals(2L, blocks.take("acme", "partners.Partner", 1));
    }

    @Test
    void reservationsMadeAtOnceAllJoinTheCacheAndTheLowestNumbersGoFirst() {
        PublicIdBlocks blocks = new PublicIdBlocks(4);
        assertEquals(20L, blocks.settle("acme", "partners.Partner", 20, 24, 1), "the first reservation takes its own first number");
        assertEquals(21L, blocks.settle("acme", "partners.Partner", 25, 29, 1), "the second one takes the lowest cached number");
        for (long expected = 22; expected <= 29; expected++) {
            assertEquals(expected, blocks.take("acme", "partners.Partner", 1), "consecutive across the two reservations");
        }
        assertNull(blocks.take("acme", "partners.Partner", 1));
    }

    @Test
    void aBulkTakesTheLowestRangeLongEnoughAndLeavesTheRestForSingleCreates() {
        PublicIdBlocks blocks = new PublicIdBlocks(4);
        blocks.settle("acme", "partners.Partner", 10, 14, 1);
        assertEquals(20L, blocks.settle("acme", "partners.Partner", 20, 29, 6), "11..14 is too short; 20..29 is long enough");
        assertEquals(11L, blocks.take("acme", "partners.Partner", 1));
        assertEquals(26L, blocks.take("acme", "partners.Partner", 4));
    }

    @Test
    void sizeOneCachesNothingAndReservesOnlyWhatIsNeeded() {
        PublicIdBlocks blocks = new PublicIdBlocks(1);
        assertEquals(3, blocks.reservation(3));
        assertEquals(1L, blocks.settle("acme", "partners.Partner", 1, 3, 3));
        assertNull(blocks.take("acme", "partners.Partner", 1));
        assertEquals(3 + 32, new PublicIdBlocks(32).reservation(3));
        assertThrows(IllegalArgumentException.class, () -> new PublicIdBlocks(0));
    }

    @Test
    void concurrentTakersNeverShareANumber() throws Exception {
        PublicIdBlocks blocks = new PublicIdBlocks(10_000);
        blocks.settle("acme", "partners.Partner", 0, 10_000, 1);
        Set<Long> taken = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger takes = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<?>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(pool.submit(() -> {
                Long n;
                while ((n = blocks.take("acme", "partners.Partner", 1)) != null) {
                    taken.add(n);
                    takes.incrementAndGet();
                }
            }));
        }
        for (java.util.concurrent.Future<?> worker : workers) {
            worker.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(10_000, takes.get(), "numbers handed out");
        assertEquals(10_000, taken.size(), "distinct numbers handed out");
    }
    @Test
    void belowHalfABlockOneRefillIsAskedForAndItsNumbersFollowTheRest() {
        PublicIdBlocks blocks = new PublicIdBlocks(8);
        assertFalse(blocks.startRefill("acme", "partners.Partner"), "nothing held yet: the first create reserves its own");
        blocks.settle("acme", "partners.Partner", 1, 9, 1); // 2..9 held
        assertFalse(blocks.startRefill("acme", "partners.Partner"), "8 held: no refill");
        for (long n = 2; n <= 6; n++) {
            assertEquals(n, blocks.take("acme", "partners.Partner", 1));
        }
        assertTrue(blocks.startRefill("acme", "partners.Partner"), "3 held, below half a block");
        assertFalse(blocks.startRefill("acme", "partners.Partner"), "one refill at a time");
        assertFalse(blocks.startRefill("acme", "partners.Contact"), "per tenant and entity");
        blocks.refilled("acme", "partners.Partner", 10, 17);
        for (long n = 7; n <= 17; n++) {
            assertEquals(n, blocks.take("acme", "partners.Partner", 1));
        }
        assertTrue(blocks.startRefill("acme", "partners.Partner"), "the refill ended: the next may start");
        blocks.refillFailed("acme", "partners.Partner");
        assertTrue(blocks.startRefill("acme", "partners.Partner"), "a failed refill is tried again");
        assertFalse(new PublicIdBlocks(1).startRefill("acme", "partners.Partner"), "no cache, no refill");
    }
}
