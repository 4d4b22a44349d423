package io.prmos.engine.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader hooks are looked up in: the engine's own, or a child of it over module hook jars
 * named by configuration. The child delegates to the engine first, so the SPI ({@code io.prmos.hooks})
 * is the engine's and a jar already on the classpath contributes each hook once.
 */
final class HookJars {

    private HookJars() {
    }

    static ClassLoader loader(ClassLoader engine, List<String> entries) {
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim());
            if (Files.isDirectory(path)) {
                try (Stream<Path> jars = Files.list(path)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list hook jars in " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                urls.add(url(path));
            } else {
                throw new IllegalStateException("prm.hooks.jars names " + path + ", which is neither a jar nor a folder");
            }
        }
        return urls.isEmpty() ? engine : new URLClassLoader("prm-module-hooks", urls.toArray(URL[]::new), engine);
    }

    private static URL url(Path jar) {
        try {
            return jar.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not a jar path: " + jar, e);
        }
    }
}
