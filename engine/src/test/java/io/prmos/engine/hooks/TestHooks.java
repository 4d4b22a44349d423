package io.prmos.engine.hooks;

import io.prmos.hooks.ActionContext;
import io.prmos.hooks.ActionHook;
import io.prmos.hooks.AfterContext;
import io.prmos.hooks.BeforeContext;
import io.prmos.hooks.CommitContext;
import io.prmos.hooks.HookId;
import io.prmos.hooks.HookRejection;
import io.prmos.hooks.RecordHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Hooks of the test module {@code hooktest}, found by CDI like hooks of an engine extension. */
final class TestHooks {

    private TestHooks() {
    }

    /** The job type {@code ...-job} things enqueue, keyed by the thing's id. */
    static final String JOB_TYPE = "hooktest.index_thing";

    /**
     * Records its phase in {@link SequenceLog}; upper-cases {@code code}; behaves by the record's name:
     * {@code ...-job...} enqueues a {@link #JOB_TYPE} job (before {@code after-throw} throws),
     * {@code ...reject} rejects, {@code ...error} adds a field error, {@code ...throw} throws,
     * {@code ...slow} sleeps past the timeout, {@code ...after-throw} throws after the write.
     */
    @ApplicationScoped
    @HookId("hooktest.Recorder")
    public static class Recorder implements RecordHook {

        @Override
        public void beforeCreate(BeforeContext context) {
            before("beforeCreate", context);
        }

        @Override
        public void beforeUpdate(BeforeContext context) {
            before("beforeUpdate", context);
        }

        private void before(String phase, BeforeContext context) {
            Object name = context.get("name");
            if (!SequenceLog.watches(name)) {
                return;
            }
            SequenceLog.add(phase + " score=" + context.get("score"));
            if (context.get("code") != null) {
                context.set("code", context.get("code").toString().toUpperCase());
            }
            String n = name.toString();
            if (n.endsWith("reject")) {
                throw new HookRejection("score", "rejected by the recorder");
            }
            if (n.endsWith("error")) {
                context.addError("code", "codes must not be chosen by hand");
            }
            if (n.endsWith("throw")) {
                throw new IllegalStateException("boom");
            }
            if (n.endsWith("slow")) {
                sleep(5_000);
            }
        }

        @Override
        public void afterCreate(AfterContext context) {
            after("afterCreate", context);
        }

        @Override
        public void afterUpdate(AfterContext context) {
            after("afterUpdate", context);
        }

        private void after(String phase, AfterContext context) {
            Object name = context.after().get("name");
            if (!SequenceLog.watches(name)) {
                return;
            }
            SequenceLog.add(phase + " code=" + context.after().get("code") + " changed=" + context.changes().keySet());
            if (name.toString().contains("-job")) {
                String id = context.id().orElseThrow().toString();
                context.jobs().enqueue(JOB_TYPE, Map.of("thing", id, "name", name), "thing-" + id);
            }
            if (name.toString().endsWith("after-throw")) {
                throw new IllegalStateException("after boom");
            }
            if (name.toString().endsWith("after-slow")) {
                sleep(5_000);
            }
            if (name.toString().endsWith("audit")) {
                context.records("hooktest.Note").create(Map.of("text", "audit of " + name));
            }
        }

        @Override
        public void afterCommit(CommitContext context) {
            if (SequenceLog.watches(context.after().get("name"))) {
                SequenceLog.add("afterCommit " + context.operation());
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                SequenceLog.add("interrupted");
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The custom action {@code bump}: adds {@code by} to the score and returns the new score. */
    @ApplicationScoped
    @HookId("hooktest.Bump")
    public static class Bump implements ActionHook {

        @Override
        public Map<String, Object> run(ActionContext context) {
            int by = ((Number) context.input().get("by")).intValue();
            int score = ((Number) context.record().get("score")).intValue() + by;
            Map<String, Object> after = context.records(context.entity()).update(context.id(), Map.of("score", score));
            return Map.of("score", after.get("score"), "by", context.principal().user());
        }
    }
}
