package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's limits are refused with their location before anything is published (issue 11, item 7). */
class StorageRulesTest {

    private final SemanticChecker checker = new SemanticChecker();

    @Test
    void fiveThousandFieldsExceedTheColumnsOfATable() {
        List<ManifestProblem> problems = checker.check(load("wide", "Wide", 5000, "{ type: text }"));
        assertEquals(1, problems.size(), problems.toString());
        ManifestProblem p = problems.get(0);
        assertEquals("/entities/Wide/fields", p.pointer());
        assertEquals("wide/module.yaml", p.file());
        assertEquals(6, p.line());
        assertTrue(p.message().contains("needs 5000 columns") && p.message().contains("at most 1584"), p.message());
    }

    @Test
    void moneyFieldsTakeTwoColumnsEach() {
        List<ManifestProblem> problems = checker.check(load("cash", "Cash", 820, "{ type: money }"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("needs 1640 columns"), problems.get(0).message());
        assertEquals(List.of(), checker.check(load("cash", "Cash", 792, "{ type: money }")), "1,584 columns fit");
    }

    @Test
    void fixedWidthFieldsMustFitOneRow() {
        List<ManifestProblem> problems = checker.check(load("counts", "Counts", 1200, "{ type: bigint }"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("/entities/Counts/fields", problems.get(0).pointer());
        assertTrue(problems.get(0).message().contains("9656 bytes"), problems.get(0).message());
        assertEquals(List.of(), checker.check(load("counts", "Counts", 900, "{ type: bigint }")));
    }

    @Test
    void aMoneyFieldNameMustLeaveRoomForItsColumnSuffixes() {
        String name = "m".repeat(55);
        LoadedManifest module = loadText("pay", "entities:\n  Payment:\n    fields:\n      " + name + ": { type: money }\n");
        List<ManifestProblem> problems = checker.check(module);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("/entities/Payment/fields/" + name, problems.get(0).pointer());
        assertTrue(problems.get(0).message().contains(name + "_currency"), problems.get(0).message());
        assertEquals(List.of(), checker.check(loadText("pay", "entities:\n  Payment:\n    fields:\n      "
                + "m".repeat(54) + ": { type: money }\n")));
    }

    @Test
    void aSixtyThreeCharacterEntityNameIsValid() {
        String entity = "E" + "x".repeat(62);
        assertEquals(List.of(), checker.check(loadText("longname", "entities:\n  " + entity + ":\n    fields:\n      n: { type: text }\n")));
    }

    @Test
    void aFieldMayNotTakeTheNameOfAPartialSearchVector() {
        List<ManifestProblem> problems = checker.check(loadText("vec", "entities:\n  Doc:\n    fields:\n"
                + "      search_vector_1a2b3c4d: { type: text }\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("/entities/Doc/fields/search_vector_1a2b3c4d", problems.get(0).pointer());
    }

    private static LoadedManifest load(String module, String entity, int fields, String definition) {
        StringBuilder yaml = new StringBuilder("entities:\n  " + entity + ":\n    fields:\n");
        for (int i = 0; i < fields; i++) {
            yaml.append("      f").append(i).append(": ").append(definition).append('\n');
        }
        return loadText(module, yaml.toString());
    }

    private static LoadedManifest loadText(String module, String extra) {
        String text = "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\n" + extra;
        LoadResult result = new ManifestLoader().loadString(text, module + "/module.yaml");
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest();
    }
}
