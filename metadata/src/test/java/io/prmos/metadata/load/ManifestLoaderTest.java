package io.prmos.metadata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.SemVer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {

    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void loadsThePartnersSampleWithItsDeclaredAndDefaultedOptions() {
        Manifest partners = loaded(loader.loadFile(Path.of("../modules/partners/module.yaml"), "partners/module.yaml"));

        assertEquals(new SemVer(1, 0, 0, ""), partners.version());
        assertEquals("^1.0", partners.requires().get("organizations"));
        EntityDef partner = partners.entities().get("Partner");
        assertEquals(List.of("name", "tier", "types", "region", "score", "organization", "parent", "contact_email",
                "website", "joined_on", "active", "annual_target", "notes", "won_total"), List.copyOf(partner.fields().keySet()));
        assertEquals(new FieldType.Text(200), partner.fields().get("name").type());
        assertEquals(new FieldType.Money(19, 4, List.of("EUR", "USD", "GBP")), partner.fields().get("annual_target").type());
        assertEquals(new FieldType.Reference("Partner", FieldType.OnDelete.SET_NULL), partner.fields().get("parent").type());
        assertEquals(new FieldType.Reference("organizations.Organization", FieldType.OnDelete.RESTRICT),
                partner.fields().get("organization").type());
        assertEquals("registered", partner.fields().get("tier").defaultValue().orElseThrow().asText());
        assertEquals("partner_region_tier_idx", partner.indexes().get(0).name());
        assertEquals(List.of("-score", "name"), partner.ui().defaultSort());
        assertEquals("Relationships", partner.ui().formSections().get(1).label());
    }

    @Test
    void appliesDefaultsForLabelsLengthsPrecisionAndShorthandDictionaries() {
        Manifest m = loaded(loader.loadString("""
                apiVersion: prm/v1
                module: shop
                version: 2.1.0-beta.1
                dictionaries:
                  order_status: [new, shipped]
                entities:
                  PurchaseOrder:
                    fields:
                      customer_name: { type: text }
                      total: { type: decimal }
                      status: { type: dictionary, dictionary: order_status }
                """, "shop/module.yaml"));

        assertEquals("Shop", m.title());
        assertEquals(new DictionaryDef("order_status", "Order status",
                List.of(new DictionaryDef.Value("new", "New"), new DictionaryDef.Value("shipped", "Shipped"))),
                m.dictionaries().get("order_status"));
        EntityDef order = m.entities().get("PurchaseOrder");
        assertEquals("Purchase order", order.label());
        assertEquals("Purchase orders", order.pluralLabel());
        assertNull(order.display());
        assertEquals("Customer name", order.fields().get("customer_name").label());
        assertEquals(new FieldType.Text(FieldType.Text.DEFAULT_MAX_LENGTH), order.fields().get("customer_name").type());
        assertEquals(new FieldType.DecimalType(18, 2), order.fields().get("total").type());
    }

    @Test
    void readsTheColourOfDictionaryValuesWhenDeclared() {
        Manifest m = loaded(loader.loadString("""
                apiVersion: prm/v1
                module: shop
                version: 1.0.0
                dictionaries:
                  order_status:
                    values:
                      - { code: new, color: blue }
                      - { code: shipped }
                  region: [emea]
                entities:
                  PurchaseOrder:
                    fields:
                      status: { type: dictionary, dictionary: order_status }
                """, "shop/module.yaml"));
        assertEquals(List.of(new DictionaryDef.Value("new", "New", "blue"), new DictionaryDef.Value("shipped", "Shipped", null)),
                m.dictionaries().get("order_status").values());
        assertNull(m.dictionaries().get("region").values().get(0).color());
    }

    @Test
    void readsJsonAndLocatesItsValues() {
        LoadResult result = loader.loadString("""
                {
                  "apiVersion": "prm/v1",
                  "module": "x",
                  "version": "1.0.0",
                  "navigation": { "section": "main", "order": true }
                }
                """, "x/module.json");
        assertEquals(List.of("x/module.json:5:47 /navigation/order: expected an integer, got boolean true"),
                result.problems().stream().map(ManifestProblem::toString).toList());
    }

    @Test
    void loadDirectoryReadsEachFolderSortedAndNamesFilesRelatively(@TempDir Path root) throws IOException {
        write(root.resolve("zeta/module.json"), "{\"apiVersion\":\"prm/v1\",\"module\":\"zeta\",\"version\":\"1.0.0\"}");
        write(root.resolve("alpha/module.yml"), "apiVersion: prm/v1\nmodule: alpha\nversion: 0.1.0\n");
        write(root.resolve("beta/module.yaml"), "apiVersion: prm/v1\nmodule: beta\n");
        Files.createDirectories(root.resolve("empty"));

        List<LoadResult> results = loader.loadDirectory(root);

        assertEquals(List.of("alpha/module.yml", "beta/module.yaml", "zeta/module.json"),
                results.stream().map(LoadResult::file).toList());
        assertInstanceOf(LoadResult.Loaded.class, results.get(0));
        assertEquals(List.of("beta/module.yaml:1:1 /: missing required key 'version'"),
                results.get(1).problems().stream().map(ManifestProblem::toString).toList());
        assertEquals("zeta", loaded(results.get(2)).module());
    }

    @Test
    void unreadableFileIsAProblemNotAnException(@TempDir Path root) {
        LoadResult result = loader.loadFile(root.resolve("missing/module.yaml"), "missing/module.yaml");
        assertEquals(1, result.problems().size());
        assertEquals("missing/module.yaml", result.problems().get(0).file());
    }

    /** Issue 11: a short number with a huge exponent made the schema's enum check expand it digit by digit and never return. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void numbersBeyondAnyColumnAreLocatedProblemsNotAHang() {
        for (String number : List.of("1e999999999", "-1e400", "1e-400", "1" + "0".repeat(320))) {
            for (String file : List.of("shop/module.yaml", "shop/module.json")) {
                String text = file.endsWith(".json")
                        ? "{\"apiVersion\":\"prm/v1\",\"module\":\"shop\",\"version\":\"1.0.0\",\"entities\":{\"Order\":{\"fields\":{"
                                + "\"total\":{\"type\":" + number + "}}}}}"
                        : "apiVersion: prm/v1\nmodule: shop\nversion: 1.0.0\nentities:\n  Order:\n    fields:\n      total: { type: " + number + " }\n";
                LoadResult result = loader.loadString(text, file);
                assertEquals(1, result.problems().size(), number + " in " + file + ": " + result.problems());
                ManifestProblem problem = result.problems().get(0);
                assertEquals("/entities/Order/fields/total/type", problem.pointer(), number + " in " + file);
                assertEquals(true, problem.message().contains("1e309"), problem.message());
                assertEquals(true, problem.line() > 0, problem.toString());
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Manifest loaded(LoadResult result) {
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest().manifest();
    }
}
