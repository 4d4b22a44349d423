package io.prmos.engine.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/** Generated cases, named, counted as they pass; a closing case checks that every one of them ran and passed. */
final class CaseLog {

    private final String label;
    private final String noun;
    private final String verb;
    private final List<DynamicTest> tests = new ArrayList<>();
    private final List<DynamicTest> closing = new ArrayList<>();
    private final AtomicInteger passed = new AtomicInteger();

    /** Prints {@code label: N noun, P verb}, e.g. {@code matrix: 412 cases, 412 passed}. */
    CaseLog(String label, String noun, String verb) {
        this.label = label;
        this.noun = noun;
        this.verb = verb;
    }

    /** A check that runs after all cases and before the summary, not counted among them. */
    void addClosing(String name, Executable body) {
        closing.add(DynamicTest.dynamicTest(name, body));
    }

    void add(String name, Executable body) {
        tests.add(DynamicTest.dynamicTest(name, () -> {
            body.execute();
            passed.incrementAndGet();
        }));
    }

    int size() {
        return tests.size();
    }

    /** The cases followed by the summary, which fails unless all {@code size()} cases passed and there are at least {@code floor}. */
    List<DynamicTest> withSummary(int floor) {
        int generated = tests.size();
        List<DynamicTest> out = new ArrayList<>(tests);
        out.addAll(closing);
        out.add(DynamicTest.dynamicTest(label + " summary", () -> {
            System.out.println(label + ": " + generated + " " + noun + ", " + passed.get() + " " + verb);
            if (generated < floor) {
                throw new AssertionError(label + ": only " + generated + " cases generated, expected at least " + floor);
            }
            if (passed.get() != generated) {
                throw new AssertionError(label + ": " + (generated - passed.get()) + " of " + generated + " cases failed");
            }
        }));
        return out;
    }
}
