package io.prmos.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.registry.EngineProcess;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passwordless embedded identity provider stays on this machine (issue 11, item 2), proved on the
 * packaged engine: the local profile ({@code ./prm up}) listens on loopback only; an engine with the
 * provider on refuses to start on a non-loopback bind, whatever its profile is called.
 */
class NetworkExposureIT {

    @Test
    void theLocalProfileListensOnThisMachineOnly(@TempDir Path work) throws Exception {
        try (EngineProcess engine = EngineProcess.start(work, "local", Map.of())) {
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + engine.port() + "/api/dev-identity/token"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress(outside.get(), engine.port()), 2000),
                            "the engine answered on " + outside.get());
                }
            }
        }
    }

    @Test
    void aProductionProfileUnderAnotherNameDoesNotIssueDevTokens(@TempDir Path work) {
        refused(work, "production", Map.of(), List.of("-Dquarkus.profile=production", "-Dprm.dev-identity.enabled=true"));
    }

    @Test
    void theLocalProfileRefusesToListenOnTheNetwork(@TempDir Path work) {
        refused(work, "local-network", Map.of("PRM_HOST", "0.0.0.0"), List.of());
    }

    private static void refused(Path work, String name, Map<String, String> env, List<String> options) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EngineProcess.start(work, name, env, options).close(), "the engine started with " + env + " " + options);
        assertTrue(refused.getMessage().contains("prm.dev-identity.enabled=true is refused with quarkus.http.host=0.0.0.0"),
                refused.getMessage());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
