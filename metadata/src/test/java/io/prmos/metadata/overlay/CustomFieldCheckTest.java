package io.prmos.metadata.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.FieldType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomFieldCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODULE = """
            apiVersion: prm/v1
            module: shop
            version: 1.0.0
            roles: { clerk: {} }
            dictionaries:
              size: { extensible: true, values: [{ code: s }, { code: m }] }
            entities:
              Item:
                fields:
                  name: { type: text }
            """;

    private CustomFieldCheck.Result check(String name, String field) throws Exception {
        return new CustomFieldCheck().check(List.of(new ModuleText("shop", "shop/module.yaml", MODULE)), "shop.Item", name,
                JSON.readTree(field), JSON.readTree("{\"clerk\": \"read\"}"), Set.of("clerk"));
    }

    @Test
    void aValidFieldIsMappedLikeAManifestField() throws Exception {
        var result = check("cf_size", "{\"type\": \"dictionary\", \"dictionary\": \"size\", \"filterable\": true}");
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(new FieldType.Dictionary("size"), result.field().orElseThrow().def().type());
        assertEquals(FieldAccess.READ, result.field().orElseThrow().access().get("clerk"));
    }

    @Test
    void problemsPointIntoTheRequest() throws Exception {
        assertEquals("/field/max", check("cf_n", "{\"type\": \"integer\", \"max\": \"x\"}").problems().get(0).pointer());
        assertEquals("/field/dictionary", check("cf_n", "{\"type\": \"dictionary\", \"dictionary\": \"nope\"}").problems().get(0).pointer());
        assertEquals("/name", check("size", "{\"type\": \"text\"}").problems().get(0).pointer());
        assertEquals("/field/type", check("cf_m", "{\"type\": \"money\"}").problems().get(0).pointer());
    }

    @Test
    void extensibleIsReadFromTheManifest() {
        var loaded = (LoadResult.Loaded) new ManifestLoader().loadString(MODULE, "shop/module.yaml");
        assertTrue(loaded.manifest().manifest().dictionaries().get("size").extensible());
    }
}
