package io.prmos.metadata.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.contract.Checksums;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A certificate binds its claims to one manifest text; edits, other texts and wrong keys are refused. */
class CertificateCodecTest {

    private static final String MANIFEST = "apiVersion: prm/v1\nmodule: gadgets\nversion: 1.0.0\n";

    private static Certificate certificate(CheckStatus labels) {
        List<CheckResult> results = new ArrayList<>();
        for (String id : CheckIds.TITLES.keySet()) {
            results.add(new CheckResult(id, CheckIds.title(id), id.equals(CheckIds.LABELS) ? labels : CheckStatus.PASS, "", List.of()));
        }
        return Certificate.of("gadgets", "1.0.0", Checksums.sha256(MANIFEST), "prm 0.1.0", "2026-12-05T12:00:00Z", results);
    }

    @Test
    void aSealedCertificateVerifiesAndSurvivesJson() {
        Certificate sealed = CertificateCodec.seal(certificate(CheckStatus.WARN), Optional.empty());
        Certificate read = CertificateCodec.fromJson(CertificateCodec.toJson(sealed));
        assertEquals(sealed, read);
        assertEquals(List.of(), CertificateCodec.verify(read, "gadgets", "1.0.0", MANIFEST, Optional.empty()));
    }

    @Test
    void anotherManifestTextAnEditedClaimOrAFailedCheckIsRefused() {
        Certificate sealed = CertificateCodec.seal(certificate(CheckStatus.PASS), Optional.empty());
        assertTrue(CertificateCodec.verify(sealed, "gadgets", "1.0.0", MANIFEST + "# edited\n", Optional.empty()).get(0)
                .startsWith("the certificate was made for another manifest text"));

        var json = CertificateCodec.toJson(sealed);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("checks").get(0)).put("status", "PASS");
        json.put("toolVersion", "prm 9.9.9");
        assertEquals(List.of("the certificate's digest does not match its content (it was edited after prm certify)"),
                CertificateCodec.verify(CertificateCodec.fromJson(json), "gadgets", "1.0.0", MANIFEST, Optional.empty()));

        Certificate failed = CertificateCodec.seal(certificate(CheckStatus.FAIL), Optional.empty());
        assertEquals(List.of("the certificate records failed checks: [labels]"),
                CertificateCodec.verify(failed, "gadgets", "1.0.0", MANIFEST, Optional.empty()));
        assertTrue(CertificateCodec.verify(sealed, "gadgets", "2.0.0", MANIFEST, Optional.empty()).get(0)
                .contains("is for gadgets 1.0.0, not gadgets 2.0.0"));
    }

    @Test
    void withAKeyOnlyCertificatesSignedWithItAreAccepted() {
        Certificate unsigned = CertificateCodec.seal(certificate(CheckStatus.PASS), Optional.empty());
        Certificate signed = CertificateCodec.seal(certificate(CheckStatus.PASS), Optional.of("ci-secret"));
        Certificate otherKey = CertificateCodec.seal(certificate(CheckStatus.PASS), Optional.of("guess"));
        assertEquals(List.of(), CertificateCodec.verify(signed, "gadgets", "1.0.0", MANIFEST, Optional.of("ci-secret")));
        assertTrue(CertificateCodec.verify(unsigned, "gadgets", "1.0.0", MANIFEST, Optional.of("ci-secret")).get(0).contains("not signed"));
        assertTrue(CertificateCodec.verify(otherKey, "gadgets", "1.0.0", MANIFEST, Optional.of("ci-secret")).get(0)
                .contains("not made with this engine's certification key"));
    }
}
