package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientBundleTest {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    @TempDir
    Path directory;

    private final CertifiedKey ca = Fixtures.internalCa("bundles");
    private final CertifiedKey client = Fixtures.issuer(ca).issueClientKeyAndCertificate("laptop");
    private final char[] password = ClientBundle.oneTimePassword();

    @AfterEach
    void wipe() {
        client.close();
    }

    @Test
    void aOneTimePasswordHas25CharactersOfTheAlphabet() {
        assertThat(password).hasSize(25);
        for (char c : password) {
            assertThat(ALPHABET).contains(String.valueOf(c));
        }
    }

    @Test
    void oneTimePasswordsDiffer() {
        assertThat(ClientBundle.oneTimePassword()).isNotEqualTo(ClientBundle.oneTimePassword());
    }

    @Test
    void oneTimePasswordsUseTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (char c : ClientBundle.oneTimePassword()) {
                seen.add(c);
            }
        }

        assertThat(seen).hasSize(ALPHABET.length());
    }

    @Test
    void javaReadsTheKeyAndTheChain() throws GeneralSecurityException, IOException {
        byte[] p12 = ClientBundle.pkcs12(client, password, "laptop");

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), password);

        assertThat(store.aliases().asIterator()).toIterable().containsExactly("laptop");
        Key key = store.getKey("laptop", password);
        assertThat(key).isInstanceOf(PrivateKey.class);
        assertThat(store.getCertificateChain("laptop")).containsExactly(client.certificate(), ca.certificate());
        assertMatches((PrivateKey) key, client.certificate());
    }

    @Test
    void javaRefusesAWrongPassword() throws GeneralSecurityException {
        byte[] p12 = ClientBundle.pkcs12(client, password, "laptop");
        char[] wrong = ClientBundle.oneTimePassword();

        KeyStore store = KeyStore.getInstance("PKCS12");
        assertThatThrownBy(() -> store.load(new ByteArrayInputStream(p12), wrong)).isInstanceOf(IOException.class);
    }

    @Test
    void openSsl3ReadsTheBundleWithoutTheLegacyProvider() {
        Path p12 = OpenSsl.write(directory, "client.p12", ClientBundle.pkcs12(client, password, "laptop"));
        String pass = "pass:" + new String(password);

        OpenSsl.succeed(directory, "pkcs12", "-in", p12.toString(), "-passin", pass, "-nodes", "-out", "all.pem");
        OpenSsl.succeed(directory, "pkcs12", "-in", p12.toString(), "-passin", pass, "-nodes", "-nocerts", "-out",
                "key.pem");
        OpenSsl.succeed(directory, "pkcs12", "-in", p12.toString(), "-passin", pass, "-clcerts", "-nokeys", "-out",
                "client.pem");
        OpenSsl.succeed(directory, "pkcs12", "-in", p12.toString(), "-passin", pass, "-cacerts", "-nokeys", "-out",
                "ca.pem");

        String keyPublic = OpenSsl.succeed(directory, "pkey", "-in", "key.pem", "-pubout");
        String certificatePublic = OpenSsl.succeed(directory, "x509", "-in", "client.pem", "-pubkey", "-noout");
        assertThat(keyPublic).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(certificatePublic);
        assertThat(Pem.certificates(OpenSsl.read(directory.resolve("client.pem"))))
                .containsExactly(client.certificate());
        assertThat(Pem.certificates(OpenSsl.read(directory.resolve("ca.pem")))).containsExactly(ca.certificate());
        assertThat(OpenSsl.read(directory.resolve("all.pem"))).contains("friendlyName: laptop");
    }

    @Test
    void openSslRefusesAWrongPassword() {
        Path p12 = OpenSsl.write(directory, "client.p12", ClientBundle.pkcs12(client, password, "laptop"));

        OpenSsl.Result result = OpenSsl.run(directory, "pkcs12", "-in", p12.toString(), "-passin",
                "pass:" + new String(ClientBundle.oneTimePassword()), "-nodes", "-out", "all.pem");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).containsIgnoringCase("mac verify");
    }

    @Test
    void theKeyAndTheCertificatesAreEncryptedWithPbes2Aes256AndTheFileIsMacedWithSha256() {
        Path p12 = OpenSsl.write(directory, "client.p12", ClientBundle.pkcs12(client, password, "laptop"));

        OpenSsl.Result info = OpenSsl.run(directory, "pkcs12", "-in", p12.toString(), "-passin",
                "pass:" + new String(password), "-info", "-noout");

        assertThat(info.exitCode()).as(info.stderr()).isZero();
        String output = info.stdout() + info.stderr();
        assertThat(output).contains("MAC: sha256")
                .contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 210000, PRF hmacWithSHA256")
                .contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC")
                .doesNotContain("RC2", "3DES", "pbeWithSHA1");
    }

    @Test
    void buildingABundleLeavesTheClientKeyUsable() {
        ClientBundle.pkcs12(client, password, "laptop");

        assertThat(client.privateKey().isDestroyed()).isFalse();
        assertThat(ClientBundle.pkcs12(client, password, "laptop")).isNotEmpty();
    }

    private static void assertMatches(PrivateKey key, Certificate certificate) throws GeneralSecurityException {
        byte[] message = "proof".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }
}
