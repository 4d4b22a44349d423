package io.prmos.cli.certify;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.CliFailure;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.nio.file.Path;

/** {@code prm-certificate.json}: the certificate {@code prm certify} writes beside the manifest and publish attaches. */
public final class CertificateFile {

    /** The engine's start-up publish reads the same name beside each manifest. */
    public static final String NAME = "prm-certificate.json";

    private CertificateFile() {
    }

    public static JsonNode read(Path file) {
        try {
            JsonNode node = Http.JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw CliFailure.user(file + ": not a certificate (a JSON object written by prm certify)");
            }
            return node;
        } catch (IOException e) {
            throw CliFailure.user(file + ": cannot read the certificate: " + CliFailure.oneLine(e.getMessage()));
        }
    }
}
