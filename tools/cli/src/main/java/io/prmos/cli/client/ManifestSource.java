package io.prmos.cli.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A manifest as sent to or received from the server.
 *
 * @param file        the name problems refer to, {@code folder/module.yaml}
 * @param source      the exact text of the file
 * @param certificate the certificate {@code prm certify} wrote for this text, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestSource(String file, String source, JsonNode certificate) {

    public ManifestSource(String file, String source) {
        this(file, source, null);
    }

    public ManifestSource withCertificate(JsonNode certificate) {
        return new ManifestSource(file, source, certificate);
    }
}
