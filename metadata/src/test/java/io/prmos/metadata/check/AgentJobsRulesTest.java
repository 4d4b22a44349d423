package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's {@code jobs}: mapped, each type checked, and tied to the tool {@code kernel.enqueue_job}. */
class AgentJobsRulesTest {

    private static final String HEAD = """
            apiVersion: prm/v1
            module: shop
            version: 1.0.0
            entities:
              Purchase:
                fields:
                  name: { type: text }
            agents:
              scorer:
                instructions: Score.
                triggers: [ { manual: {} } ]
            """;

    private static LoadedManifest load(String text) {
        LoadResult result = new ManifestLoader().loadString(text, "shop/module.yaml");
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest();
    }

    private static List<String> problems(String text) {
        return new SemanticChecker().check(load(text)).stream().map(ManifestProblem::toString).toList();
    }

    @Test
    void declaredJobTypesAreMappedAndAccepted() {
        String text = HEAD + """
                    tools: [kernel.enqueue_job]
                    jobs: [shop.score]
                """;
        assertEquals(List.of(), problems(text));
        assertEquals(List.of("shop.score"), load(text).manifest().agents().get("scorer").jobs());
    }

    @Test
    void badTypesAndAMissingToolOrMissingJobsAreLocated() {
        assertEquals(List.of(
                "shop/module.yaml:13:11 /agents/scorer/jobs: jobs are enqueued with the tool kernel.enqueue_job, which is not among"
                        + " the agent's tools",
                "shop/module.yaml:13:12 /agents/scorer/jobs/0: 'Nope' is not a job type like module.name (e.g. deals.score)",
                "shop/module.yaml:13:18 /agents/scorer/jobs/1: job type 'billing.run' must start with this module or a module it requires"),

                problems(HEAD + """
                            tools: [kernel.search]
                            jobs: [Nope, billing.run]
                        """));
        assertEquals(List.of("shop/module.yaml:12:13 /agents/scorer/tools/0: kernel.enqueue_job needs the job types the agent may"
                        + " enqueue, under jobs"),
                problems(HEAD + """
                            tools: [kernel.enqueue_job]
                        """));
    }
}
