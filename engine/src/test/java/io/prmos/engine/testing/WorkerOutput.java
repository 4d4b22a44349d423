package io.prmos.engine.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The lines an example worker's process prints, collected as they come, and waits for a line. */
public final class WorkerOutput {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private WorkerOutput(Process process) {
        pump = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        pump.start();
    }

    /** Starts collecting {@code process}'s standard output. */
    public static WorkerOutput of(Process process) {
        return new WorkerOutput(process);
    }

    public List<String> lines() {
        return lines;
    }

    /** Waits up to a minute for {@code count} lines containing {@code text}. */
    public void await(String text, int count) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (lines.stream().filter(l -> l.contains(text)).count() >= count) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for '" + text + "'");
            }
        }
        throw new AssertionError("the worker did not print " + count + " line(s) with '" + text + "': " + lines);
    }

    public void await(String text) {
        await(text, 1);
    }

    /** Waits for the output to end (the process closed it), at most {@code millis}. */
    public void join(long millis) throws InterruptedException {
        pump.join(millis);
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
