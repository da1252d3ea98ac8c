package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local cluster's TLS certificate, made on first use and kept in the cluster's directory: a self-signed
 * certificate for {@code 127.0.0.1} and {@code localhost} ({@link ClusterLayout#certificate()}, which the
 * benchmark, the drills and a browser trust) and the same with its private key for HAProxy
 * ({@link ClusterLayout#certificateAndKey()}, owner-only).
 *
 * <p>Made by the JDK's own {@code keytool}, so the cluster needs no program beyond a JDK, HAProxy and PostgreSQL.
 * keytool writes a PKCS#12 key store; HAProxy reads PEM, so the certificate and key are copied out of it here
 * (PEM is base64 between two marker lines; there is nothing else to it).
 */
final class ClusterTls {

    private static final String ALIAS = "lectern-cluster";
    private static final int VALID_DAYS = 825;
    private static final String PASSWORD_VARIABLE = "LECTERN_KEY_STORE_PASSWORD";

    private ClusterTls() {
    }

    /** Makes the certificate unless both files are there already. */
    static void ensureCertificate(ClusterLayout layout) {
        if (Files.isRegularFile(layout.certificate()) && Files.isRegularFile(layout.certificateAndKey())) {
            return;
        }
        Path directory = layout.certificate().getParent();
        Path keyStore = directory.resolve("generating.p12");
        char[] password = randomPassword();
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(keyStore);
            keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=Lectern local cluster", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-validity", String.valueOf(VALID_DAYS), "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass:env", PASSWORD_VARIABLE), new String(password));
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password);
            }
            Certificate certificate = store.getCertificate(ALIAS);
            Key key = store.getKey(ALIAS, password);
            String certificatePem = pem("CERTIFICATE", certificate.getEncoded());
            writeOwnerOnly(layout.certificateAndKey(), certificatePem + pem("PRIVATE KEY", key.getEncoded()));
            Files.writeString(layout.certificate(), certificatePem);
        } catch (IOException | GeneralSecurityException e) {
            throw new ClusterException("could not make the cluster's TLS certificate in " + directory + ": "
                    + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(keyStore);
            } catch (IOException ignored) {
                // a left-over key store holds nothing the PEM files do not, and the next run replaces it
            }
        }
    }

    /** Runs keytool with the key store's password in its environment, where {@code ps} does not show it. */
    private static void keytool(List<String> arguments, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static char[] randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }
}
