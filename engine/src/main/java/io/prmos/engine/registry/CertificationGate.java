package io.prmos.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.schema.CertificationRows;
import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.certify.Certificate;
import io.prmos.metadata.certify.CertificateCodec;
import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.CheckStatus;
import io.prmos.metadata.certify.StaticChecks;
import io.prmos.metadata.load.LoadedManifest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Certification at publish time. A certificate attached to a module is verified — it names this module
 * and version, its checksum is that of the submitted text, its digest matches its claims, its checks
 * all passed, it is signed with {@code prm.certification.key} when one is configured — and the engine
 * re-runs the static checks ({@link StaticChecks}) on the candidate set: a certificate claiming a pass
 * the engine does not find is refused. With {@code prm.publish.require-certification} a changed module
 * without a valid certificate is refused. Accepted certificates are recorded in the publish transaction.
 */
@ApplicationScoped
public class CertificationGate {

    @ConfigProperty(name = "prm.publish.require-certification", defaultValue = "false")
    boolean required;

    @ConfigProperty(name = "prm.certification.key")
    Optional<String> key;

    /** A certificate that passed every test, ready to record. */
    public record Verified(StoredVersion version, Certificate certificate, boolean signed) {
    }

    /**
     * Verifies the certificates submitted (by manifest file name) for the modules this publish changes.
     *
     * @throws PublishException (uncertified) with one reason per problem
     */
    List<Verified> verify(Publication publication, Map<String, JsonNode> certificatesByFile) {
        List<String> reasons = new ArrayList<>();
        List<Verified> verified = new ArrayList<>();
        Map<String, LoadedManifest> set = loadedSet(publication.candidateResult());
        for (StoredVersion version : publication.changedVersions()) {
            JsonNode submitted = certificatesByFile.get(version.file());
            String name = version.module() + " " + version.version();
            if (submitted == null || submitted.isNull() || submitted.isMissingNode()) {
                if (required) {
                    reasons.add(name + ": this engine publishes only certified versions (prm.publish.require-certification);"
                            + " run prm certify and publish with its certificate");
                }
                continue;
            }
            Certificate certificate;
            try {
                certificate = CertificateCodec.fromJson(submitted);
            } catch (IllegalArgumentException e) {
                reasons.add(name + ": " + e.getMessage());
                continue;
            }
            List<String> problems = new ArrayList<>(CertificateCodec.verify(certificate, version.module(), version.version(),
                    version.source(), key.filter(k -> !k.isBlank())));
            problems.addAll(overclaims(certificate, set.get(version.module()), set));
            problems.forEach(p -> reasons.add(name + ": " + p));
            if (problems.isEmpty()) {
                verified.add(new Verified(version, certificate, certificate.signature() != null && key.filter(k -> !k.isBlank()).isPresent()));
            }
        }
        if (!reasons.isEmpty()) {
            throw PublishException.uncertified(reasons);
        }
        return verified;
    }

    /** Checks the certificate calls passed (or warned) that the engine, re-running them, finds failing. */
    private static List<String> overclaims(Certificate certificate, LoadedManifest module, Map<String, LoadedManifest> set) {
        List<String> out = new ArrayList<>();
        for (CheckResult result : StaticChecks.run(module.file(), module, List.of(), set)) {
            Optional<CheckStatus> claimed = certificate.status(result.id());
            if (result.status() == CheckStatus.FAIL && claimed.isPresent() && claimed.get() != CheckStatus.FAIL) {
                out.add("the certificate says check '" + result.id() + "' passed, but the engine finds: "
                        + result.findings().stream().filter(f -> f.severity() == CheckStatus.FAIL).findFirst().map(Object::toString).orElse(""));
            }
        }
        return out;
    }

    private static Map<String, LoadedManifest> loadedSet(ModuleSetCompiler.Result result) {
        Map<String, LoadedManifest> set = new LinkedHashMap<>();
        result.manifests().forEach(m -> set.put(m.manifest().module(), m));
        return set;
    }

    /** Records the verified certificates on the publish transaction. */
    Uni<Void> record(SqlConnection c, List<Verified> verified, String actor) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Verified v : verified) {
            Certificate cert = v.certificate();
            JsonArray checks = new JsonArray();
            cert.checks().forEach(check -> checks.add(new io.vertx.core.json.JsonObject().put("id", check.id())
                    .put("status", check.status().name()).put("findings", check.findings())));
            CertificationRows.Row row = new CertificationRows.Row(v.version().module(), v.version().version(), cert.manifestChecksum(),
                    cert.passed(), checks.encode(), cert.toolVersion(), cert.certifiedAt(), cert.digest(), v.signed(),
                    CertificateCodec.toJson(cert).toString(), actor);
            chain = chain.flatMap(x -> CertificationRows.record(c, row));
        }
        return chain;
    }
}
