package io.prmos.engine.events.relay;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real RabbitMQ (Debian's rabbitmq-server, installed by .ci/run) on free ports with its own Erlang
 * port mapper, node name and data directory, so it neither meets nor disturbs another broker on the
 * machine. It can be killed with SIGKILL and started again on the same data; close stops everything it
 * started (the broker, its Erlang children, the port mapper).
 */
final class RabbitBroker implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");

    private final Path dir;
    private final int port;
    private final int epmdPort;
    private final String node;
    private Process epmd;
    private Process process;

    private RabbitBroker(Path dir, int port, int epmdPort) {
        this.dir = dir;
        this.port = port;
        this.epmdPort = epmdPort;
        this.node = "prmtest" + port + "@localhost";
    }

    static boolean installed() {
        return Files.isExecutable(SERVER);
    }

    static RabbitBroker start() throws IOException {
        Path dir = Files.createTempDirectory("prm-rabbitmq");
        RabbitBroker broker = new RabbitBroker(dir, KafkaBroker.freePort(), KafkaBroker.freePort());
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.default = 127.0.0.1:" + broker.port + "\n"
                + "loopback_users = none\n");
        broker.epmd = new ProcessBuilder("epmd", "-port", Integer.toString(broker.epmdPort), "-address", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("epmd.log").toFile()).start();
        broker.startProcess();
        return broker;
    }

    String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    int port() {
        return port;
    }

    /** kill -9 of the Erlang VM and its children. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    void restart() throws IOException {
        startProcess();
    }

    private void startProcess() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(SERVER.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rabbitmq.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("HOME", dir.toString()); // the Erlang cookie
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(port + 20000 > 65000 ? port - 20000 : port + 20000));
        env.put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
        env.put("RABBITMQ_LOGS", "-");
        process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rabbitmq exited: " + Files.readString(dir.resolve("rabbitmq.log")));
            }
            if (Files.readString(dir.resolve("rabbitmq.log")).lastIndexOf("Server startup complete")
                    > Files.readString(dir.resolve("rabbitmq.log")).lastIndexOf("Starting RabbitMQ")) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException e) {
                    // not yet
                }
            }
            KafkaBroker.sleep(250);
        }
        throw new IllegalStateException("rabbitmq did not start within 90 s: " + Files.readString(dir.resolve("rabbitmq.log")));
    }

    @Override
    public void close() throws IOException {
        try {
            if (process != null) {
                kill();
            }
            if (epmd != null) {
                epmd.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
