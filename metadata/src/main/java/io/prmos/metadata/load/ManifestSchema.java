package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The manifest JSON Schema (draft 2020-12), loaded once from the classpath. */
final class ManifestSchema {

    static final String RESOURCE = "/io/prmos/metadata/prm-manifest.schema.json";

    private static final Schema SCHEMA = load();

    private ManifestSchema() {
    }

    private static Schema load() {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every schema violation, humanized and located, in source order. */
    static List<ManifestProblem> validate(String file, JsonNode root, SourceMap sourceMap) {
        List<Error> errors = SCHEMA.validate(root);
        SchemaErrorTranslator translator = new SchemaErrorTranslator(file, root, sourceMap);
        return errors.stream()
                .map(translator::translate)
                .distinct()
                .sorted(Comparator.comparingInt(ManifestProblem::line).thenComparingInt(ManifestProblem::column)
                        .thenComparing(ManifestProblem::pointer).thenComparing(ManifestProblem::message))
                .collect(Collectors.toList());
    }
}
