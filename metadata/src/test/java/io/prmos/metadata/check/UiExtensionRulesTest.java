package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.ModuleUi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UI extension declarations map to the model; entry files are checked only where the module's folder is known. */
class UiExtensionRulesTest {

    private static final String MANIFEST = """
            apiVersion: prm/v1
            module: bad
            version: 1.0.0
            roles:
              clerk: { label: Clerk }
            entities:
              Thing:
                fields:
                  name: { type: text }
            ui:
              pages:
                - { name: pipeline-board, title: Pipeline, icon: columns, entry: board/Board.tsx, roles: [clerk] }
              widgets:
                - { name: thing-health, entry: board/Gauge.tsx, slots: [bad.Thing.detail.sidebar], props: [recordUrn], strict: true }
            """;

    private static LoadedManifest load() {
        return ((LoadResult.Loaded) new ManifestLoader().loadString(MANIFEST, "bad/extensions.yaml")).manifest();
    }

    @Test
    void declarationsMapToTheModel() {
        ModuleUi ui = load().manifest().ui();
        assertEquals(new ModuleUi.PageExtension("pipeline-board", Optional.of("Pipeline"), Optional.of("columns"), "board/Board.tsx",
                List.of("clerk"), false), ui.pages().get(0));
        assertEquals(new ModuleUi.WidgetExtension("thing-health", Optional.empty(), "board/Gauge.tsx", List.of("bad.Thing.detail.sidebar"),
                List.of("recordUrn"), List.of(), true), ui.widgets().get(0));
    }

    @Test
    void entryFilesAreLookedUpInTheModuleFolderWhenItIsKnown() {
        List<ManifestProblem> withFolder = new SemanticChecker(ModuleSetFixture.FOLDERS).check(load());
        assertEquals(List.of("/ui/widgets/0/entry: entry file 'ui/board/Gauge.tsx' does not exist in the module's folder"),
                withFolder.stream().map(p -> p.pointer() + ": " + p.message()).toList());
        // published as text (the engine's registry): no folder, so no file check
        assertEquals(List.of(), new SemanticChecker().check(load()));
    }
}
