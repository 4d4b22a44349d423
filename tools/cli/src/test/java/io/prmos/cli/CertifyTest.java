package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.http.Http;
import io.prmos.metadata.certify.Certificate;
import io.prmos.metadata.certify.CertificateCodec;
import io.prmos.metadata.contract.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code prm certify --static}: the sample modules' reports match the checked-in golden reports
 * (src/test/resources/certify; regenerate them deliberately when a sample module or a check changes),
 * the certificate written verifies, and a purpose-built bad module fails every static check.
 */
class CertifyTest {

    private static final Path SAMPLES = Path.of("../../modules").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private CliRun.Result prm(String... args) {
        return new CliRun(temp.resolve("config")).run(args);
    }

    private Path copyOfSamples() throws IOException {
        Path root = temp.resolve("modules");
        try (Stream<Path> paths = Files.walk(SAMPLES)) {
            for (Path p : paths.filter(p -> !p.toString().contains("/hooks")).toList()) {
                Path to = root.resolve(SAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals("prm-certificate.json")) {
                    Files.copy(p, to);
                }
            }
        }
        return root;
    }

    @ParameterizedTest
    @ValueSource(strings = {"organizations", "people", "partners", "deals"})
    void theSampleModulesReportsMatchTheGoldenReports(String module) throws Exception {
        Path folder = copyOfSamples().resolve(module);
        CliRun.Result certify = prm("certify", folder.toString(), "--static");
        assertEquals(0, certify.exitCode(), certify.toString());
        String report = certify.out().replaceAll("(?m)^certificate written to .*\\n", "");
        Path goldenFile = Path.of("src/test/resources/certify/" + module + ".txt");
        if (Boolean.getBoolean("golden.update")) { // regenerate with -Dgolden.update=true and review the diff
            Files.writeString(goldenFile, report, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(goldenFile, StandardCharsets.UTF_8), report);

        JsonNode written = Http.JSON.readTree(folder.resolve("prm-certificate.json").toFile());
        Certificate certificate = CertificateCodec.fromJson(written);
        String manifest = Files.readString(folder.resolve("module.yaml"), StandardCharsets.UTF_8);
        assertEquals(Checksums.sha256(manifest), certificate.manifestChecksum());
        assertEquals(java.util.List.of(), CertificateCodec.verify(certificate, module, "1.0.0", manifest, Optional.empty()));
    }

    @Test
    void aBadModuleFailsEveryStaticCheckAndGetsNoCertificate() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("repo/shabby"));
        Files.writeString(folder.resolve("module.yaml"), """
                apiVersion: prm/v1
                module: shabby
                version: 1.0.0
                roles:
                  clerk: { label: Clerk }
                entities:
                  Thing:
                    features: [audit]
                    fields:
                      name: { type: text, maxLength: 20 }
                      secret: { type: text, maxLength: 20 }
                events:
                  publishes:
                    Poked:
                      schema: { type: object }
                permissions:
                  clerk:
                    Thing: { read: { where: "name eq 'x'" }, create: true, update: all, delete: all, fields: { secret: hidden } }
                """);
        Files.writeString(folder.resolve("README.md"), "# shabby\nA module.\n");
        CliRun.Result certify = prm("certify", folder.toString(), "--static", "--output", "json");
        assertEquals(1, certify.exitCode(), certify.toString());
        assertEquals("prm certify: shabby 1.0.0 is not certified; see the report", certify.err().strip());
        JsonNode report = Http.JSON.readTree(certify.out());
        for (String id : new String[] {"labels", "events", "security", "documentation"}) {
            assertEquals("FAIL", status(report, id), id + ": " + report);
        }
        assertTrue(report.toString().contains("does not name the entity Thing"), report.toString());
        assertTrue(report.toString().contains("declares no properties"), report.toString());
        assertFalse(Files.exists(folder.resolve("prm-certificate.json")));
    }

    @Test
    void anInvalidManifestFailsTheManifestCheckWithFileLineAndPointerAndSkipsTheRest() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("repo/shabby"));
        Files.writeString(folder.resolve("module.yaml"), "apiVersion: prm/v1\nmodule: shabby\nversion: one\n");
        CliRun.Result text = prm("certify", folder.toString(), "--html", temp.resolve("report.html").toString());
        assertEquals(1, text.exitCode(), text.toString());
        String problem = "shabby/module.yaml:3:10 /version: expected a semantic version like 1.2.3, got string \"one\"";
        assertEquals(List.of(problem, "prm certify: shabby is not certified: its manifest is not valid; see the report"), text.errLines());
        assertTrue(text.out().startsWith("prm certify shabby one (manifest sha256:"), text.toString());
        assertTrue(text.out().contains("  FAIL  manifest      Manifest valid (schema and semantic checks)\n"
                + "                       1 problem(s) in shabby/module.yaml\n        FAIL: " + problem + "\n"), text.toString());
        assertTrue(text.out().contains("NOT CERTIFIED: 9 checks, 1 fail, 8 skip\n"), text.toString());
        assertTrue(Files.readString(temp.resolve("report.html")).contains("NOT CERTIFIED"));

        Files.writeString(folder.resolve("module.yaml"), "apiVersion: prm/v1\nmodule: shabby\nversion: [1\n");
        CliRun.Result json = prm("certify", folder.toString(), "--output", "json");
        assertEquals(1, json.exitCode(), json.toString());
        JsonNode report = Http.JSON.readTree(json.out());
        assertEquals("shabby", report.path("module").asText());
        assertEquals("?", report.path("version").asText());
        JsonNode manifest = report.path("checks").get(0);
        assertEquals("FAIL", manifest.path("status").asText(), report.toString());
        assertEquals("shabby/module.yaml:4:1 /version/0", manifest.path("findings").get(0).path("location").asText());
        assertTrue(manifest.path("findings").get(0).path("message").asText().startsWith("YAML syntax error: "), report.toString());
        for (JsonNode check : report.path("checks")) {
            assertEquals(check == manifest ? "FAIL" : "SKIP", check.path("status").asText(), check.toString());
        }
        assertFalse(Files.exists(folder.resolve("prm-certificate.json")));
    }

    private static String status(JsonNode report, String id) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("id").asText().equals(id)) {
                return check.path("status").asText();
            }
        }
        return "missing";
    }
}
