package io.prmos.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.prmos.engine.query.CursorCodec;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.query.QueryException;
import io.prmos.engine.schema.DatabaseSnapshot;
import io.prmos.engine.schema.SchemaPlanner;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process half of the fuzz suite: the parsers themselves, where that is what is fuzzed —
 * the list query parser and filter binder, the cursor codec, and the manifest loader with the
 * compiler and DDL planner behind it. They may refuse (a QueryException, located manifest
 * problems) but never throw anything else. Same seed and scale properties as {@link FuzzSpec}.
 */
class ParserFuzzTest {

    private static Catalog catalog;
    private static FuzzTargets targets;
    private static List<LoadResult> samples;

    @BeforeAll
    static void compile() {
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compileDirectory(Path.of("../modules"));
        assertTrue(result.ok(), () -> "sample modules must compile: " + result.problems());
        catalog = result.catalog().orElseThrow();
        targets = new FuzzTargets(catalog);
        samples = new ArrayList<>();
        for (String module : ManifestCases.MODULES) {
            samples.add(new ManifestLoader().loadFile(Path.of("../modules", module, "module.yaml")));
        }
    }

    @Test
    void listQueriesAreParsedOrRefusedWithAQueryException() {
        QueryCases cases = new QueryCases(targets, FuzzSpec.SEED);
        List<String> failures = new ArrayList<>();
        long count = count(20_000);
        long refused = 0;
        for (long i = 0; i < count; i++) {
            HttpCase c = cases.filter(i);
            FuzzTargets.Target t = targets.targets.stream().filter(x -> c.path().startsWith(x.collection())).findFirst().orElseThrow();
            Set<String> visible = t.fields().stream().map(FieldDescriptor::name).collect(Collectors.toSet());
            try {
                ListQueryParser.parse(t.entity(), visible, param(c, "filter"), param(c, "sort"), param(c, "limit"), null,
                        param(c, "fields"), param(c, "total"), param(c, "deleted"));
            } catch (QueryException e) {
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("filters#" + i + " " + c.uri() + ": " + e);
            }
        }
        report("list queries", count, failures);
        assertTrue(refused > count / 10 && refused < count * 9 / 10, "a useful mix of accepted and refused queries: " + refused + " of " + count);
    }

    @Test
    void cursorsAreDecodedOrRefusedWithAQueryException() {
        QueryCases cases = new QueryCases(targets, FuzzSpec.SEED);
        FuzzTargets.Target partners = targets.targets.stream().filter(t -> t.path().equals("partner")).findFirst().orElseThrow();
        Set<String> visible = partners.fields().stream().map(FieldDescriptor::name).collect(Collectors.toSet());
        List<String> sorts = List.of("", "name", "-score", "won_total", "-created_at,name", "score,-name");
        List<ListQuery> queries = sorts.stream().map(s -> ListQueryParser.parse(partners.entity(), visible, null, s, null, null, null, null)).toList();
        List<String> failures = new ArrayList<>();
        long count = count(8_000);
        long decoded = 0;
        for (long i = 0; i < count; i++) {
            Hostile h = Seeds.hostile(FuzzSpec.SEED, "cursors-in-process", i);
            int which = h.random().nextInt(sorts.size());
            ListQuery query = queries.get(which);
            List<Object> values = new ArrayList<>();
            query.sort().forEach(column -> values.add(h.chance(0.5) ? null : h.shortText()));
            String real = CursorCodec.encode(query.sortSignature(), values);
            String cursor = cases.forged(h, real, sorts.get(which));
            try {
                CursorCodec.decode(cursor, query.sortSignature(), query.sort());
                decoded++;
            } catch (QueryException e) {
                // refused as a 400
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("cursors#" + i + " " + cursor + ": " + e);
            }
        }
        report("cursors", count, failures);
        assertTrue(decoded > 0, "some forged cursors are well-formed");
    }

    @Test
    void manifestsAreLoadedOrReportedWithLocatedProblems() {
        ManifestCases cases = new ManifestCases(FuzzSpec.SEED, Path.of("../modules"));
        List<String> failures = new ArrayList<>();
        long count = count(3_000);
        long compiled = 0;
        for (long i = 0; i < count; i++) {
            ManifestCases.Source source = cases.source(i);
            try {
                LoadResult loaded = new ManifestLoader().loadString(source.text(), source.file());
                List<LoadResult> set = new ArrayList<>(samples);
                set.removeIf(r -> r.file().equals(source.file()) || r.file().endsWith(source.file().replace(".json", ".yaml")));
                set.add(loaded);
                ModuleSetCompiler.Result result = new ModuleSetCompiler().compile(set);
                for (ManifestProblem p : result.problems()) {
                    if (p.file() == null || p.message() == null || p.message().isBlank()) {
                        failures.add("manifests#" + i + ": a problem without file or message: " + p);
                    }
                }
                if (result.ok()) {
                    compiled++;
                    new SchemaPlanner("prm_app").plan(result.catalog().orElseThrow(), DatabaseSnapshot.empty()).toSql();
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add("manifests#" + i + " (" + source.file() + "): " + e + " at " + firstOwnFrame(e) + "\n" + source.text()
                        .substring(0, Math.min(2000, source.text().length())));
            }
        }
        report("manifests", count, failures);
        assertTrue(compiled > 0, "some damaged manifests still compile");
    }

    private static String firstOwnFrame(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.prmos")) {
                return frame.toString();
            }
        }
        return e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?";
    }

    private static long count(long base) {
        return Math.max(1, Math.round(base * FuzzSpec.SCALE));
    }

    private static String param(HttpCase c, String name) {
        return c.query().stream().filter(p -> p.name().equals(name) && !p.raw()).map(HttpCase.Param::value).findFirst().orElse(null);
    }

    private static void report(String what, long count, List<String> failures) {
        System.out.printf("fuzz in-process %-12s %,7d cases, seed %d, %d failures%n", what, count, FuzzSpec.SEED, failures.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + count + " " + what + " cases threw (seed " + FuzzSpec.SEED + "):\n"
                    + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
        }
    }
}
