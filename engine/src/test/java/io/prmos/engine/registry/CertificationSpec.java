package io.prmos.engine.registry;

import static io.prmos.engine.registry.Certificates.certificate;
import static io.prmos.engine.registry.Certificates.describedManifest;
import static io.prmos.engine.registry.Certificates.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.metadata.certify.CheckIds;
import io.prmos.metadata.certify.CheckStatus;
import io.prmos.metadata.contract.Checksums;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Certification without the requirement: a publish may carry a certificate, which is verified and
 * recorded and shown in the module list; an invalid one refuses the publish (409) and changes nothing.
 * Test support is off in this profile.
 */
@QuarkusTest
class CertificationSpec {

    @Test
    void aValidCertificateIsRecordedAndListed() {
        String manifest = describedManifest("certified", "1.0.0");
        publish("certified", manifest, certificate("certified", "1.0.0", manifest, CheckStatus.WARN, Optional.empty()), false)
                .then().statusCode(200).body("applied", equalTo(true));
        given().get(Modules.ADMIN).then().statusCode(200)
                .body("items.find { it.module == 'certified' }.certification.passed", equalTo(true))
                .body("items.find { it.module == 'certified' }.certification.signed", equalTo(false))
                .body("items.find { it.module == 'certified' }.certification.toolVersion", equalTo("prm test"))
                .body("items.find { it.module == 'certified' }.certification.manifestChecksum", equalTo(Checksums.sha256(manifest)))
                .body("items.find { it.module == 'certified' }.certification.checksPassed", equalTo(CheckIds.TITLES.size()))
                .body("items.find { it.module == 'certified' }.certification.checksTotal", equalTo(CheckIds.TITLES.size()))
                .body("items.find { it.module == 'certified' }.certification.checks.labels", equalTo("WARN"))
                .body("items.find { it.module == 'certified' }.certification.recordedBy", notNullValue())
                .body("items.find { it.module == 'partners' }.certification", nullValue());
        given().get(Modules.ADMIN + "/certified/history").then().statusCode(200)
                .body("items[0].certification.checks.api", equalTo("PASS"));
    }

    @Test
    void aCertificateForAnotherTextIsRefusedAndNothingIsPublished() {
        String manifest = describedManifest("forged", "1.0.0");
        Map<String, Object> forOther = certificate("forged", "1.0.0", manifest + "# other\n", CheckStatus.PASS, Optional.empty());
        publish("forged", manifest, forOther, false).then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/certification-refused"))
                .body("errors.message", hasItem(containsString("forged 1.0.0: the certificate was made for another manifest text")));
        given().get(Modules.ADMIN + "/forged/history").then().statusCode(404);

        Map<String, Object> edited = certificate("forged", "1.0.0", manifest, CheckStatus.FAIL, Optional.empty());
        ((java.util.List<Map<String, Object>>) edited.get("checks")).get(1).put("status", "PASS");
        publish("forged", manifest, edited, true).then().statusCode(409)
                .body("errors.message", hasItem(containsString("digest does not match its content")));
    }

    @Test
    void aCertificateClaimingAPassTheEngineDoesNotFindIsRefused() {
        String undescribed = Modules.manifest("overclaim", "1.0.0", "name: { type: text, label: Name, maxLength: 100 }", null);
        publish("overclaim", undescribed, certificate("overclaim", "1.0.0", undescribed, CheckStatus.PASS, Optional.empty()), false)
                .then().statusCode(409)
                .body("errors.message", hasItem(containsString("the certificate says check 'labels' passed, but the engine finds:")));
    }

    @Test
    void withoutTheRequirementAnUncertifiedVersionIsPublished() {
        publish("plain", describedManifest("plain", "1.0.0"), null, false).then().statusCode(200);
        given().get(Modules.ADMIN).then().body("items.find { it.module == 'plain' }.certification", nullValue());
    }

    @Test
    void testSupportIsOffUnlessConfigured() {
        given().contentType(ContentType.JSON).body(Map.of("tenant", "acme", "entity", "partners.Partner", "values", Map.of("name", "X")))
                .post("/api/test-support/records").then().statusCode(404).body("detail", containsString("test support is not enabled"));
    }
}
