package io.prmos.cli.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A manifest as sent to or received from the server.
 *
 * @param file        the name problems refer to, {@code folder/module.yaml}
 * @param source      the exact text of the file
 * @param certificate the certificate {@code prm certify} wrote for this text, or null
 * @param uiBundle    the module's UI extension bundle built from its ui/ folder, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestSource(String file, String source, JsonNode certificate, String uiBundle) {

    public ManifestSource(String file, String source) {
        this(file, source, null, null);
    }

    public ManifestSource(String file, String source, JsonNode certificate) {
        this(file, source, certificate, null);
    }

    public ManifestSource withCertificate(JsonNode certificate) {
        return new ManifestSource(file, source, certificate, uiBundle);
    }

    public ManifestSource withUiBundle(String bundle) {
        return new ManifestSource(file, source, certificate, bundle);
    }
}
