package io.prmos.engine.hooks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test hooks and observers saw, in order, for records whose name starts with the watched prefix. */
public final class SequenceLog {

    private static final List<String> STEPS = new CopyOnWriteArrayList<>();
    private static volatile String watched = "\u0000";

    private SequenceLog() {
    }

    public static void watch(String prefix) {
        watched = prefix;
        STEPS.clear();
    }

    /** Stops watching (the sequence observer then observes no write). */
    public static void stop() {
        watched = "\u0000";
    }

    public static boolean watching() {
        return !watched.equals("\u0000");
    }

    public static boolean watches(Object name) {
        return name != null && name.toString().startsWith(watched);
    }

    public static void add(String step) {
        STEPS.add(step);
    }

    public static List<String> steps() {
        return List.copyOf(STEPS);
    }
}
