package io.prmos.engine.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The signing key of the embedded identity provider: an RSA key pair kept in one file (created
 * with mode 0600 on first use), so the token issuer and the OIDC verifier agree on it across
 * restarts and class loaders.
 */
public final class DevIdentityKeys {

    private DevIdentityKeys() {
    }

    public static synchronized KeyPair load(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            try (FileChannel channel = FileChannel.open(absolute.resolveSibling(absolute.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(absolute)) {
                    write(absolute, generate());
                }
                return read(absolute);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev identity key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the dev identity key " + file + " is damaged; delete it to create a new one", e);
        }
    }

    /** The public key as quarkus.oidc.public-key expects it: base64 of the X.509 encoding. */
    public static String publicKeyBase64(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void write(Path file, KeyPair pair) throws IOException {
        String text = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        String[] lines = Files.readString(file).trim().split("\n");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0].trim())));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines[1].trim())));
        return new KeyPair(publicKey, privateKey);
    }
}
