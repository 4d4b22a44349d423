package io.prmos.engine.registry;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.metadata.certify.Certificate;
import io.prmos.metadata.certify.CertificateCodec;
import io.prmos.metadata.certify.CheckIds;
import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.CheckStatus;
import io.prmos.metadata.contract.Checksums;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Certificates for the certification specs, made with the same codec {@code prm certify} uses. */
final class Certificates {

    private Certificates() {
    }

    /** A well-described module: one labelled and described entity, partner_manager granted everything. */
    static String describedManifest(String module, String version) {
        return "apiVersion: prm/v1\nmodule: " + module + "\nversion: " + version + "\n"
                + "roles: { partner_manager: { label: Partner manager } }\n"
                + "entities:\n  Item:\n    label: Item\n    description: A thing kept in stock.\n    fields:\n"
                + "      name: { type: text, label: Name, description: What the item is called., maxLength: 100 }\n"
                + "permissions:\n  partner_manager:\n    Item: { read: all, create: true, update: all }\n";
    }

    static Map<String, Object> certificate(String module, String version, String manifest, CheckStatus labels, Optional<String> key) {
        List<CheckResult> results = new ArrayList<>();
        for (String id : CheckIds.TITLES.keySet()) {
            results.add(new CheckResult(id, CheckIds.title(id), id.equals(CheckIds.LABELS) ? labels : CheckStatus.PASS, "", List.of()));
        }
        Certificate sealed = CertificateCodec.seal(Certificate.of(module, version, Checksums.sha256(manifest), "prm test",
                "2026-12-05T12:00:00Z", results), key);
        return json(CertificateCodec.toJson(sealed));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object node) {
        return new ObjectMapper().convertValue(node, Map.class);
    }

    static Response publish(String module, String source, Map<String, Object> certificate, boolean dryRun) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("file", module + "/module.yaml");
        item.put("source", source);
        if (certificate != null) {
            item.put("certificate", certificate);
        }
        return given().contentType(ContentType.JSON).body(Map.of("modules", List.of(item)))
                .post(Modules.ADMIN + "?dryRun=" + dryRun);
    }
}
