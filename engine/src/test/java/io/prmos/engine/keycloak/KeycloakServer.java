package io.prmos.engine.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak 26 server for tests, started from the distribution that the engine build unpacks
 * into {@code target/keycloak/keycloak-<version>} (maven-dependency-plugin, phase
 * generate-test-resources; skipped with {@code -DskipTests}, {@code -Dmaven.test.skip=true} or
 * {@code -Dprm.keycloak.skip=true}).
 *
 * <p>Each start imports {@code tools/keycloak/prm-realm.json} and {@code other-realm.json} into a
 * fresh in-memory H2 database ({@code --db=dev-mem}), so the import always runs and no state leaks
 * between starts. Output goes to {@code target/keycloak.log}.
 *
 * <p>Plain Java (no Quarkus): use {@link #shared()} from any test; the server is started once per JVM
 * and stopped by a shutdown hook.
 */
public final class KeycloakServer {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "prm";
    public static final String OTHER_REALM = "other";
    /** 300 s by default; {@code -Dprm.keycloak.startTimeout=<seconds>} for very slow/contended machines. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("prm.keycloak.startTimeout", 300));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer shared;

    private final Process process;
    private final int port;
    private final Path log;
    private volatile Duration startupTime = Duration.ZERO;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::destroyTree, "keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The server shared by all tests of this JVM, started on first use. */
    public static synchronized KeycloakServer shared() {
        if (shared == null || shared.stopped || !shared.process.isAlive()) {
            shared = start();
        }
        return shared;
    }

    /** Starts a new server on a free port and waits until realm {@code prm} is served. */
    public static KeycloakServer start() {
        Path target = targetDir();
        Path home = target.resolve("keycloak").resolve("keycloak-" + VERSION);
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("Keycloak distribution not found at " + home
                    + " — run the engine build without -DskipTests/-Dprm.keycloak.skip=true"
                    + " (maven-dependency-plugin unpacks org.keycloak:keycloak-quarkus-dist:" + VERSION
                    + ":zip in generate-test-resources)");
        }
        Path realms = realmDir();
        try {
            prepareImportDir(home.resolve("data").resolve("import"), realms);
            int port = freePort();
            Path log = target.resolve("keycloak.log");
            ProcessBuilder pb = new ProcessBuilder("bash", kcSh.toString(), "start-dev",
                    "--http-port=" + port,
                    "--import-realm",
                    // fresh in-memory database per start: the import always runs
                    "--db=dev-mem",
                    "--http-management-port=" + freePort())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            env.remove("KC_DB");
            env.remove("KC_DB_URL");
            env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            long t0 = System.nanoTime();
            Process process = pb.start();
            KeycloakServer server = new KeycloakServer(process, port, log);
            try {
                server.awaitReady(t0);
            } catch (RuntimeException | Error e) {
                server.stop();
                throw e;
            }
            server.startupTime = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf("Keycloak %s ready on port %d after %.1f s (log: %s)%n",
                    VERSION, port, server.startupTime.toMillis() / 1000.0, log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(long t0) {
        URI probe = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = t0 + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before becoming ready. Log tail (" + log + "):\n" + logTail(60));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(probe)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve " + probe + " within " + START_TIMEOUT.toSeconds()
                + " s. Log tail (" + log + "):\n" + logTail(60));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code http://localhost:<port>/realms/prm} — the expected {@code iss} of every PRM token. */
    public String issuer() {
        return issuer(REALM);
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public String tokenEndpoint(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile() {
        return log;
    }

    /** Resource-owner password grant against realm {@code prm}; returns the access token. */
    public String passwordToken(String clientId, String secret, String user, String password) {
        return token(REALM, clientId, secret, passwordForm(user, password));
    }

    /** Client-credentials grant (service account) against realm {@code prm}; returns the access token. */
    public String clientCredentialsToken(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        return token(REALM, clientId, secret, form);
    }

    /** Password grant against the foreign realm {@code other} (wrong issuer and signing key). */
    public String otherRealmToken(String clientId, String secret, String user, String password) {
        return token(OTHER_REALM, clientId, secret, passwordForm(user, password));
    }

    /** Convenience: {@code other} realm token of mallory (tenant acme, role admin) via prm-cli. */
    public String otherRealmToken() {
        return otherRealmToken("prm-cli", "prm-cli-secret", "mallory", "mallory-pass");
    }

    private static Map<String, String> passwordForm(String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", user);
        form.put("password", password);
        form.put("scope", "openid");
        return form;
    }

    private String token(String realm, String clientId, String secret, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("client_id", clientId);
        if (secret != null) {
            all.put("client_secret", secret);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(tokenEndpoint(realm)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token request " + form.get("grant_type") + " for client " + clientId
                        + " in realm " + realm + " failed: HTTP " + r.statusCode() + " " + r.body());
            }
            JsonNode json = JSON.readTree(r.body());
            JsonNode at = json.get("access_token");
            if (at == null || !at.isTextual()) {
                throw new IllegalStateException("no access_token in response: " + r.body());
            }
            return at.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the server: descendants first (the JVM behind kc.sh), then the script; waits for exit. */
    public void stop() {
        destroyTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        synchronized (KeycloakServer.class) {
            if (shared == this) {
                shared = null;
            }
        }
    }

    private synchronized void destroyTree() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toCollection(ArrayList::new));
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        awaitExit(descendants, process.toHandle(), Duration.ofSeconds(20));
        // still alive? kill hard
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        awaitExit(descendants, process.toHandle(), Duration.ofSeconds(10));
    }

    private static void awaitExit(List<ProcessHandle> descendants, ProcessHandle root, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : Stream.concat(descendants.stream(), Stream.of(root)).collect(Collectors.toList())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception timeoutOrOther) {
                return;
            }
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    private static void prepareImportDir(Path importDir, Path realms) throws IOException {
        if (Files.isDirectory(importDir)) {
            try (Stream<Path> old = Files.walk(importDir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(importDir);
        for (String f : List.of("prm-realm.json", "other-realm.json")) {
            Files.copy(realms.resolve(f), importDir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The engine module's {@code target} dir (tests run with the module as working directory). */
    private static Path targetDir() {
        String override = System.getProperty("prm.keycloak.target");
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("target").resolve("keycloak"))) {
                return p.resolve("target");
            }
            if (Files.isDirectory(p.resolve("engine").resolve("target").resolve("keycloak"))) {
                return p.resolve("engine").resolve("target");
            }
        }
        return cwd.resolve("target");
    }

    /** {@code tools/keycloak} of the repository, found by walking up from the working directory. */
    static Path realmDir() {
        String override = System.getProperty("prm.keycloak.realms");
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("tools").resolve("keycloak");
            if (Files.isRegularFile(candidate.resolve("prm-realm.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/keycloak/prm-realm.json not found above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
