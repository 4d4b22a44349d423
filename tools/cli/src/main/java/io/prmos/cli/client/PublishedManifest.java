package io.prmos.cli.client;

/** The exact bytes of an installed manifest and whether they are YAML or JSON. */
public record PublishedManifest(byte[] bytes, String contentType) {

    public boolean json() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    public String fileName() {
        return json() ? "module.json" : "module.yaml";
    }
}
