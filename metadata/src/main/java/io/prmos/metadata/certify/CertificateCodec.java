package io.prmos.metadata.certify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.contract.Checksums;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes, reads, digests, signs and verifies certificates. The digest covers the canonical JSON (keys
 * sorted, no spaces) of every member but {@code digest} and {@code signature}, so any edit of a claim
 * breaks it; the checksum inside binds the claims to one manifest text. Neither proves who produced the
 * file: anyone can compute a digest. A signature can only be made with the certification key, which the
 * certifying CI holds and the engine is configured with ({@code prm.certification.key}).
 */
public final class CertificateCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CertificateCodec() {
    }

    /** The certificate with its digest and, when a key is given, its signature. */
    public static Certificate seal(Certificate certificate, Optional<String> key) {
        String digest = digest(certificate);
        return certificate.withDigest(digest, key.map(k -> hmac(k, digest)).orElse(null));
    }

    public static String digest(Certificate certificate) {
        ObjectNode claims = toJson(certificate);
        claims.remove("digest");
        claims.remove("signature");
        try {
            return Checksums.sha256(JSON.writeValueAsString(canonical(claims)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(Certificate c) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("format", c.format()).put("module", c.module()).put("version", c.version())
                .put("manifestChecksum", c.manifestChecksum()).put("toolVersion", c.toolVersion())
                .put("certifiedAt", c.certifiedAt()).put("passed", c.passed());
        ArrayNode checks = out.putArray("checks");
        c.checks().forEach(check -> checks.addObject().put("id", check.id()).put("status", check.status().name())
                .put("findings", check.findings()));
        if (c.digest() != null) {
            out.put("digest", c.digest());
        }
        if (c.signature() != null) {
            out.put("signature", c.signature());
        }
        return out;
    }

    /** Reads a certificate; the message of the exception says what is wrong in one line. */
    public static Certificate fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a certificate is a JSON object");
        }
        for (String key : List.of("format", "module", "version", "manifestChecksum", "toolVersion", "certifiedAt", "digest")) {
            if (!node.path(key).isTextual()) {
                throw new IllegalArgumentException("the certificate has no " + key);
            }
        }
        if (!Certificate.FORMAT.equals(node.get("format").asText())) {
            throw new IllegalArgumentException("unknown certificate format '" + node.get("format").asText() + "', expected " + Certificate.FORMAT);
        }
        List<Certificate.Check> checks = new ArrayList<>();
        for (JsonNode check : node.path("checks")) {
            CheckStatus status;
            try {
                status = CheckStatus.valueOf(check.path("status").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("check '" + check.path("id").asText() + "' has an unknown status");
            }
            checks.add(new Certificate.Check(check.path("id").asText(), status, check.path("findings").asInt()));
        }
        return new Certificate(node.get("format").asText(), node.get("module").asText(), node.get("version").asText(),
                node.get("manifestChecksum").asText(), node.get("toolVersion").asText(), node.get("certifiedAt").asText(),
                node.path("passed").asBoolean(false), checks, node.get("digest").asText(),
                node.path("signature").isTextual() ? node.get("signature").asText() : null);
    }

    /**
     * Why this certificate does not certify this manifest text of this module and version; empty when it
     * does. With a key, an unsigned or wrongly signed certificate is refused.
     */
    public static List<String> verify(Certificate c, String module, String version, String manifestText, Optional<String> key) {
        List<String> reasons = new ArrayList<>();
        if (!c.module().equals(module) || !c.version().equals(version)) {
            reasons.add("the certificate is for " + c.module() + " " + c.version() + ", not " + module + " " + version);
        }
        if (!c.manifestChecksum().equals(Checksums.sha256(manifestText))) {
            reasons.add("the certificate was made for another manifest text (checksum " + abbreviated(c.manifestChecksum())
                    + ", this one is " + abbreviated(Checksums.sha256(manifestText)) + "); run prm certify again");
        }
        if (!MessageDigest.isEqual(bytes(digest(c)), bytes(c.digest()))) {
            reasons.add("the certificate's digest does not match its content (it was edited after prm certify)");
        }
        boolean failed = c.checks().stream().anyMatch(check -> check.status() == CheckStatus.FAIL);
        if (!c.passed() || failed) {
            reasons.add("the certificate records failed checks: " + c.checks().stream().filter(check -> check.status() == CheckStatus.FAIL)
                    .map(Certificate.Check::id).toList());
        }
        List<String> missing = CheckIds.TITLES.keySet().stream().filter(id -> c.status(id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            reasons.add("the certificate does not list the checks " + missing);
        }
        if (key.isPresent()) {
            if (c.signature() == null) {
                reasons.add("the certificate is not signed, and this engine accepts only certificates signed with its certification key");
            } else if (!MessageDigest.isEqual(bytes(hmac(key.get(), c.digest())), bytes(c.signature()))) {
                reasons.add("the certificate's signature was not made with this engine's certification key");
            }
        }
        return reasons;
    }

    private static String abbreviated(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    static String hmac(String key, String digest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digest.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                sorted.put(name, canonical(node.get(name)));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(canonical(item)));
            return out;
        }
        return node;
    }
}
