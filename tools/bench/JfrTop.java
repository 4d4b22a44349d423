import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints the hot methods of a JFR recording by execution-sample count: the top frames (where the
 * CPU was, "self") and the methods most often on the stack ("total", inclusive), each with its
 * share of all samples.
 *
 * <pre>java JfrTop.java RECORDING.jfr [N] [FROM_EPOCH_MS TO_EPOCH_MS] [THREAD_SUBSTRING]</pre>
 *
 * The optional window keeps only samples taken between the two instants (e.g. the measured wrk
 * runs, without start-up and loading); the optional thread filter keeps only samples of threads
 * whose name contains the substring (e.g. "main" for start-up work on the main thread).
 */
public class JfrTop {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java JfrTop.java RECORDING.jfr [N] [FROM_EPOCH_MS TO_EPOCH_MS] [THREAD_SUBSTRING]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Instant from = args.length > 3 ? Instant.ofEpochMilli(Long.parseLong(args[2])) : Instant.MIN;
        Instant to = args.length > 3 ? Instant.ofEpochMilli(Long.parseLong(args[3])) : Instant.MAX;
        String thread = args.length > 4 ? args[4] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                if (thread != null && (event.getThread("sampledThread") == null
                        || !String.valueOf(event.getThread("sampledThread").getJavaName()).contains(thread))) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame);
                    if (seen.add(method)) {
                        total.merge(method, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%d execution samples%s%n", samples, thread == null ? "" : " on threads matching '" + thread + "'");
        print("top frames (self)", self, samples, n);
        print("on the stack (total), application frames", filter(total), samples, n);
    }

    /** Inclusive counts are dominated by thread entry points and framework plumbing; keep the engine's frames. */
    private static Map<String, Integer> filter(Map<String, Integer> total) {
        Map<String, Integer> out = new HashMap<>();
        total.forEach((k, v) -> {
            if (k.startsWith("io.prmos.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int n) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> System.out.printf("  %6d  %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
