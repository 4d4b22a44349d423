package io.prmos.engine.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's HAProxy in front of engine instances, in the foreground as a child process on a free port:
 * round robin, readiness checks every 500 ms, and retries on another instance of requests that found a
 * dead one (connection refused, or no answer) — except a POST without an Idempotency-Key, which is not
 * safe to send twice. The configuration is the one docs/deployment.md recommends.
 */
final class Haproxy implements AutoCloseable {

    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static String config(int port, List<Integer> engines) {
        StringBuilder out = new StringBuilder(String.join("\n",
                "global", "  maxconn 1024",
                "defaults", "  mode http", "  timeout connect 1s", "  timeout client 60s", "  timeout server 60s",
                "  retries 3", "  option redispatch 1", "  retry-on conn-failure empty-response response-timeout 503",
                "frontend prm", "  bind 127.0.0.1:" + port, "  default_backend engines",
                "backend engines", "  balance roundrobin", "  option httpchk GET /q/health/ready",
                "  http-request disable-l7-retry if METH_POST !{ req.hdr(Idempotency-Key) -m found }", ""));
        for (int i = 0; i < engines.size(); i++) {
            out.append("  server e").append(i).append(" 127.0.0.1:").append(engines.get(i)).append(" check inter 500 fall 1 rise 2\n");
        }
        return out.toString();
    }

    static Haproxy start(Path work, List<Integer> engines) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path cfg = work.resolve("haproxy.cfg");
        Files.writeString(cfg, config(port, engines));
        Process process = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + Files.readString(work.resolve("haproxy.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new Haproxy(process, port);
            } catch (IOException e) {
                sleep(100);
            }
        }
        throw new IllegalStateException("haproxy did not listen");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
