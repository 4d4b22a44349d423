package io.prmos.metadata.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.model.EntityDef;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayTemplateTest {

    private static EntityDef entity(String display) {
        String yaml = "apiVersion: prm/v1\nmodule: t\nversion: 1.0.0\nentities:\n  Thing:\n"
                + (display == null ? "" : "    display: '" + display + "'\n")
                + "    fields:\n      code: { type: integer }\n      name: { type: text }\n      tier: { type: text }\n";
        LoadResult result = new ManifestLoader().loadString(yaml, "t/module.yaml");
        return ((LoadResult.Loaded) result).manifest().manifest().entities().get("Thing");
    }

    @Test
    void fieldReferencesAndTextAreAllowedAndRendered() {
        EntityDef thing = entity("$name (${tier}) $!code / $id");
        assertEquals(Optional.empty(), DisplayTemplate.problem(thing.display(), thing));
        DisplayTemplate template = DisplayTemplate.of(thing).orElseThrow();
        assertEquals("Acme (gold) 7 / x", template.render(Map.of("name", "Acme", "tier", "gold", "code", "7", "id", "x")));
        assertEquals("Acme ()  /", template.render(Map.of("name", "Acme")));
        // values are text: template syntax inside them is never evaluated
        assertEquals("$tier (#set)  /", template.render(Map.of("name", "$tier", "tier", "#set")));
    }

    @Test
    void methodsDirectivesAndUnknownFieldsAreRefused() {
        EntityDef thing = entity(null);
        assertTrue(DisplayTemplate.problem("$name.getClass()", thing).orElseThrow().contains("accesses a property or method"));
        assertTrue(DisplayTemplate.problem("$name.class", thing).orElseThrow().contains("accesses a property or method"));
        assertTrue(DisplayTemplate.problem("#set($x = 1)$x", thing).orElseThrow().contains("is not allowed"));
        assertTrue(DisplayTemplate.problem("#if($name)x#end", thing).orElseThrow().contains("is not allowed"));
        assertTrue(DisplayTemplate.problem("$owner", thing).orElseThrow().contains("'$owner', which is not a field"));
        assertTrue(DisplayTemplate.problem("${name", thing).orElseThrow().startsWith("display template does not parse"));
    }

    @Test
    void theDefaultIsNameThenTheFirstTextField() {
        assertEquals("$name", DisplayTemplate.of(entity(null)).orElseThrow().source());
    }
}
