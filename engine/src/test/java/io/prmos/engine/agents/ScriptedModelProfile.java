package io.prmos.engine.agents;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The engine with its default model profile pointing at a {@link ScriptedModel} on a free port. */
public class ScriptedModelProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ScriptedModel.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("prm.agents.stream.poll", "PT0.2S");
    }
}
