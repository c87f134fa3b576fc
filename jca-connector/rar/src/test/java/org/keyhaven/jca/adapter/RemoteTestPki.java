package org.keyhaven.jca.adapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI for the remote transport tests, made with the JDK's own {@code keytool} in a temporary folder: a
 * CA, a server certificate for 127.0.0.1 and localhost, one for another host name (for the host name check), a
 * self-signed server certificate from no trusted CA, and the application client's certificate, all EC P-256 and
 * valid for two days.
 */
final class RemoteTestPki {

    private static final String PASSWORD = "test-only";

    private final Path folder;
    final Path caPem;
    final X509Certificate ca;
    final Identity server;
    final Identity wrongHostServer;
    final Identity untrustedServer;
    final Identity client;

    /** A private key and its certificate chain (leaf first). */
    record Identity(PrivateKey key, List<X509Certificate> chain) {

        KeyStore keyStore() throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("identity", key, PASSWORD.toCharArray(), chain.toArray(new X509Certificate[0]));
            return store;
        }

        ClientCredentials credentials() throws GeneralSecurityException {
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(chain.get(0).getEncoded()));
            return new ClientCredentials(chain, key, fingerprint);
        }
    }

    RemoteTestPki(Path folder) throws IOException, GeneralSecurityException {
        this.folder = folder;
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=Keyhaven Test CA", "-ext", "bc:c", "-keystore", "ca.p12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        caPem = folder.resolve("ca.pem");
        ca = certificates(Files.readAllBytes(caPem)).get(0);

        PrivateKey serverKey = keyPair("server", "CN=127.0.0.1");
        server = new Identity(serverKey, List.of(issue("server", "san=ip:127.0.0.1,dns:localhost", "serverAuth"), ca));
        wrongHostServer = new Identity(serverKey,
                List.of(issue("server", "san=dns:elsewhere.invalid", "serverAuth"), ca));
        PrivateKey clientKey = keyPair("client", "CN=orders-app");
        client = new Identity(clientKey, List.of(issue("client", null, "clientAuth"), ca));

        keytool("-genkeypair", "-alias", "rogue", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", "rogue.p12");
        KeyStore rogue = load("rogue.p12");
        untrustedServer = new Identity((PrivateKey) rogue.getKey("rogue", PASSWORD.toCharArray()),
                List.of((X509Certificate) rogue.getCertificate("rogue")));
    }

    private PrivateKey keyPair(String name, String subject) throws IOException, GeneralSecurityException {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", subject, "-keystore", name + ".p12");
        keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
        return (PrivateKey) load(name + ".p12").getKey(name, PASSWORD.toCharArray());
    }

    private X509Certificate issue(String name, String san, String extendedKeyUsage)
            throws IOException, GeneralSecurityException {
        String out = name + "-" + System.nanoTime() + ".pem";
        List<String> command = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                "-infile", name + ".csr", "-outfile", out, "-validity", "2", "-ext", "eku=" + extendedKeyUsage));
        if (san != null) {
            command.addAll(List.of("-ext", san));
        }
        keytool(command.toArray(new String[0]));
        return certificates(Files.readAllBytes(folder.resolve(out))).get(0);
    }

    private KeyStore load(String file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder.resolve(file))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    static List<X509Certificate> certificates(byte[] pem) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                .forEach(c -> certificates.add((X509Certificate) c));
        return certificates;
    }

    private void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool " + arguments[0] + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
