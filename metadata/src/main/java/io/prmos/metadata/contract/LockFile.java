package io.prmos.metadata.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code prm-lock.yaml}: the contracts of every module a module requires, directly or through another
 * required module, each pinned by the version and checksum the server had when {@code prm deps pull}
 * ran. With it, a module folder is a complete module set on its own: validation needs no server and
 * no sibling folders, and {@code prm test} installs the contracts as stand-ins.
 *
 * @param server where the contracts were pulled from (informational; {@code prm deps check} asks it again)
 */
public record LockFile(int lockVersion, String server, Map<String, LockedModule> modules) {

    public static final String FILE_NAME = "prm-lock.yaml";
    public static final int FORMAT = 1;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    public LockFile {
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /** The lock in a module folder, if there is one; an unreadable lock is a located problem. */
    public static Optional<LockFile> in(Path moduleFolder) throws InvalidLock {
        Path file = moduleFolder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new InvalidLock("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static LockFile parse(String text) throws InvalidLock {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new InvalidLock(FILE_NAME + " is not YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject() || root.path("lockVersion").asInt(-1) != FORMAT) {
            throw new InvalidLock(FILE_NAME + ": expected lockVersion: " + FORMAT + " (written by prm deps pull)");
        }
        Map<String, LockedModule> modules = new LinkedHashMap<>();
        var entries = root.path("modules").fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            JsonNode m = entry.getValue();
            for (String key : List.of("version", "checksum", "contractChecksum", "contract")) {
                if (!m.path(key).isTextual()) {
                    throw new InvalidLock(FILE_NAME + ": modules." + entry.getKey() + "." + key + " is missing; run prm deps pull");
                }
            }
            modules.put(entry.getKey(), new LockedModule(entry.getKey(), m.get("version").asText(), m.get("checksum").asText(),
                    m.get("contractChecksum").asText(), m.get("contract").asText()));
        }
        return new LockFile(FORMAT, root.path("server").asText(null), modules);
    }

    /** The lock as written to disk: modules sorted by name, contracts as literal blocks. */
    public String render() {
        ObjectNode root = YAML.createObjectNode();
        root.put("lockVersion", FORMAT);
        if (server != null) {
            root.put("server", server);
        }
        ObjectNode out = root.putObject("modules");
        modules.values().stream().sorted(java.util.Comparator.comparing(LockedModule::module)).forEach(m -> out.putObject(m.module())
                .put("version", m.version()).put("checksum", m.checksum())
                .put("contractChecksum", m.contractChecksum()).put("contract", m.contract()));
        try {
            return "# Written by `prm deps pull`: the contracts of the modules this module requires. Commit it.\n"
                    + YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the lock", e);
        }
    }

    /**
     * The contracts as load results, ready to join a module set. A contract whose checksum no longer
     * matches (the lock was edited) is a problem, not a contract.
     */
    public List<LoadResult> contracts() {
        ManifestLoader loader = new ManifestLoader();
        List<LoadResult> out = new ArrayList<>();
        for (LockedModule module : modules.values()) {
            if (!module.intact()) {
                out.add(new LoadResult.Failed(module.sourceName(), List.of(new ManifestProblem(module.sourceName(), 1, 1, "",
                        "the contract of '" + module.module() + "' does not match its contractChecksum (was the lock edited?); run prm deps pull"))));
            } else {
                out.add(loader.loadString(module.contract(), module.sourceName()));
            }
        }
        return out;
    }

    /** A lock that cannot be used; the message is one line for the CLI. */
    public static final class InvalidLock extends Exception {
        public InvalidLock(String message) {
            super(message);
        }
    }
}
