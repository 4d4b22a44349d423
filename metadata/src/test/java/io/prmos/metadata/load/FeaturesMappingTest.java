package io.prmos.metadata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.metadata.model.EntityFeatures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code features:} in its list and object forms, and the defaults when it is absent. */
class FeaturesMappingTest {

    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void absentFeaturesKeepSoftDeleteAndLockingOnAuditAndActivityOff() {
        assertEquals(new EntityFeatures(false, false, true, true, Optional.empty()), features("name: { type: text }", ""));
    }

    @Test
    void aListSwitchesTheNamedFeaturesOnAndKeepsTheDefaultsOfTheOthers() {
        assertEquals(new EntityFeatures(true, true, true, true, Optional.empty()), features("name: { type: text }",
                "features: [audit, activity]"));
    }

    @Test
    void anObjectSetsEachFeatureAndMayGiveTheRecycleBinARetention() {
        assertEquals(new EntityFeatures(true, false, false, false, Optional.empty()), features("name: { type: text }",
                "features: { audit: true, softDelete: false, optimisticLock: false }"));
        assertEquals(new EntityFeatures(false, true, true, true, Optional.of(Duration.ofDays(7))), features("name: { type: text }",
                "features: { activity: true, softDelete: { retention: 7d } }"));
    }

    @Test
    void retentionPeriodsParseDaysHoursAndMinutes() {
        assertEquals(Optional.of(Duration.ofHours(12)), EntityFeatures.parseRetention("12h"));
        assertEquals(Optional.of(Duration.ofMinutes(90)), EntityFeatures.parseRetention("90m"));
        assertEquals(Optional.of(Duration.ofDays(30)), EntityFeatures.parseRetention("30D"));
        assertEquals(Optional.empty(), EntityFeatures.parseRetention("P30D"));
        assertEquals(Optional.empty(), EntityFeatures.parseRetention("0d"));
    }

    private EntityFeatures features(String fields, String featuresLine) {
        String yaml = String.join("\n", List.of("apiVersion: prm/v1", "module: demo", "version: 1.0.0", "entities:",
                "  Thing:", "    " + featuresLine, "    fields:", "      " + fields, ""));
        LoadResult result = loader.loadString(yaml, "demo/module.yaml");
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest().manifest().entities().get("Thing").features();
    }
}
