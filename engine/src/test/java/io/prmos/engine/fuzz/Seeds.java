package io.prmos.engine.fuzz;

import java.util.Random;

/** Every case draws from its own random stream, derived from the run's seed, its area and its number. */
final class Seeds {

    private Seeds() {
    }

    static long of(long seed, String area, long index) {
        long h = seed ^ (area.hashCode() * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    static Hostile hostile(long seed, String area, long index) {
        return new Hostile(new Random(of(seed, area, index)));
    }
}
