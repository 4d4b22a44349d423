package io.prmos.metadata.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contracts cut from the sample modules stand in for them: a module validates against its lock alone. */
class ContractsTest {

    private static final Path MODULES = Path.of("../modules");

    private static String text(String module) throws Exception {
        return Files.readString(MODULES.resolve(module).resolve("module.yaml"));
    }

    private static LockFile lock(String... modules) throws Exception {
        Map<String, LockedModule> locked = new LinkedHashMap<>();
        for (String module : modules) {
            locked.put(module, LockedModule.of(module, "1.0.0", text(module), "module.yaml"));
        }
        return new LockFile(LockFile.FORMAT, "http://localhost:8080", locked);
    }

    private static ModuleSetCompiler.Result compileWith(String module, LockFile lock) throws Exception {
        List<LoadResult> set = new ArrayList<>(lock.contracts());
        set.add(new ManifestLoader().loadString(text(module), module + "/module.yaml"));
        return new ModuleSetCompiler().compile(set);
    }

    @Test
    void aContractKeepsTheDataContractAndDropsBehaviour() throws Exception {
        String contract = new ContractExtractor().extract(text("deals"), "module.yaml");
        assertTrue(contract.contains("amount:"), contract);
        assertTrue(contract.contains("DealWon:"), contract);
        assertTrue(contract.contains("  partners: ^1.0"), contract);
        for (String behaviour : List.of("workflow:", "hooks:", "validations:", "formula:", "permissions:", "slots:", "subscribes:", "links:", "indexes:")) {
            assertFalse(contract.contains(behaviour), behaviour + " must not be in a contract:\n" + contract);
        }
        LoadResult loaded = new ManifestLoader().loadString(contract, "prm-lock.yaml#deals");
        assertTrue(loaded instanceof LoadResult.Loaded, loaded.problems().toString());
    }

    @Test
    void everySampleModuleValidatesAgainstTheContractsOfItsRequirements() throws Exception {
        assertTrue(compileWith("partners", lock("organizations")).ok(), compileWith("partners", lock("organizations")).problems().toString());
        assertTrue(compileWith("people", lock("organizations")).ok());
        ModuleSetCompiler.Result deals = compileWith("deals", lock("partners", "organizations"));
        assertTrue(deals.ok(), deals.problems().toString());
    }

    @Test
    void withoutTheLockedModuleTheRequirementIsReported() throws Exception {
        ModuleSetCompiler.Result deals = compileWith("deals", lock("partners"));
        assertFalse(deals.ok());
        assertTrue(deals.problems().toString().contains("required module 'organizations' is not in the module set"), deals.problems().toString());
    }

    @Test
    void theLockRoundTripsAndDetectsAnEditedContract() throws Exception {
        LockFile lock = lock("partners", "organizations");
        String rendered = lock.render();
        LockFile read = LockFile.parse(rendered);
        assertEquals(lock.modules(), read.modules());
        assertEquals(rendered, read.render());
        assertEquals(Checksums.sha256(text("partners")), read.modules().get("partners").checksum());

        String edited = rendered.replace("maxLength: 200", "maxLength: 201");
        LockFile tampered = LockFile.parse(edited);
        List<LoadResult> contracts = tampered.contracts();
        assertTrue(contracts.stream().anyMatch(r -> r.problems().toString().contains("does not match its contractChecksum")), contracts.toString());
    }

    @Test
    void aLockWithoutItsFormatIsRefusedInOneLine() {
        LockFile.InvalidLock invalid = assertThrows(LockFile.InvalidLock.class, () -> LockFile.parse("modules: {}\n"));
        assertTrue(invalid.getMessage().contains("lockVersion"), invalid.getMessage());
    }
}
