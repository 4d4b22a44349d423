package io.prmos.metadata.certify;

import java.util.List;

/**
 * The certification result a publish may carry: which manifest (module, version and the SHA-256 of the
 * exact text) passed which checks, with which tool. {@code digest} is the SHA-256 of the canonical JSON
 * of every other member but {@code signature}; {@code signature}, when the certifying pipeline holds a
 * certification key, is the HMAC-SHA256 of the digest under that key (see {@link CertificateCodec}).
 */
public record Certificate(String format, String module, String version, String manifestChecksum, String toolVersion,
                          String certifiedAt, boolean passed, List<Check> checks, String digest, String signature) {

    public static final String FORMAT = "prm-certificate/1";

    public Certificate {
        checks = List.copyOf(checks);
    }

    /** One check as the certificate records it: its id, outcome and how many findings it had. */
    public record Check(String id, CheckStatus status, int findings) {
    }

    /** The status a check has in this certificate, if it lists it. */
    public java.util.Optional<CheckStatus> status(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).map(Check::status).findFirst();
    }

    /** A certificate of these results, not yet digested or signed. */
    public static Certificate of(String module, String version, String manifestChecksum, String toolVersion, String certifiedAt,
                                 List<CheckResult> results) {
        List<Check> checks = results.stream().map(r -> new Check(r.id(), r.status(), r.findings().size())).toList();
        boolean passed = checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
        return new Certificate(FORMAT, module, version, manifestChecksum, toolVersion, certifiedAt, passed, checks, null, null);
    }

    Certificate withDigest(String digest, String signature) {
        return new Certificate(format, module, version, manifestChecksum, toolVersion, certifiedAt, passed, checks, digest, signature);
    }
}
