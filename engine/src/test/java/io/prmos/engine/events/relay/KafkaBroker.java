package io.prmos.engine.events.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) run as a separate JVM from
 * the test class path (target/kafka-broker.classpath), on free ports, with its data in a temporary
 * directory; it can be killed with SIGKILL and started again on the same ports and data.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort, String classpath) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    static KafkaBroker start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("prm-kafka");
        String classpath = Files.readString(Path.of("target", "kafka-broker.classpath")).trim();
        KafkaBroker broker = new KafkaBroker(dir, freePort(), freePort(), classpath);
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + broker.controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + broker.port + ",CONTROLLER://127.0.0.1:" + broker.controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + broker.port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "num.partitions=3",
                "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1", "group.initial.rebalance.delay.ms=0", ""));
        Process format = broker.java("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                dir.resolve("server.properties").toString()).start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("kafka storage format failed: " + new String(format.getInputStream().readAllBytes()));
        }
        broker.startProcess();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** kill -9, as a crash or a pulled cable would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void restart() throws IOException {
        startProcess();
    }

    private void startProcess() throws IOException {
        process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka exited: " + Files.readString(dir.resolve("kafka.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                sleep(200);
            }
        }
        throw new IllegalStateException("kafka did not listen within a minute");
    }

    private ProcessBuilder java(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", classpath, main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String clusterId() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
