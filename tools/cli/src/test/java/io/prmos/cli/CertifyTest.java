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
        String golden = Files.readString(Path.of("src/test/resources/certify/" + module + ".txt"), StandardCharsets.UTF_8);
        assertEquals(golden, certify.out().replaceAll("(?m)^certificate written to .*\\n", ""));

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

        Files.writeString(folder.resolve("module.yaml"), "apiVersion: prm/v1\nmodule: shabby\nversion: one\n");
        CliRun.Result invalid = prm("certify", folder.toString(), "--static");
        assertEquals(1, invalid.exitCode(), invalid.toString());
        assertTrue(invalid.err().contains("shabby/module.yaml:3:10 /version"), invalid.toString());
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
