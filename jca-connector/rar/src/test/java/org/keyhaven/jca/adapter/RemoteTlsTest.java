package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trusted CA file and the TLS parameters of the remote mode. */
class RemoteTlsTest {

    @TempDir
    static Path folder;

    private static RemoteTestPki pki;

    @BeforeAll
    static void makePki() throws Exception {
        pki = new RemoteTestPki(folder);
    }

    @Test
    void everyCertificateOfThePemIsTrustedAndTextAroundThemIsIgnored() throws Exception {
        Path pem = folder.resolve("two.pem");
        Files.writeString(pem, "subject=CN=Keyhaven Test CA\n" + Files.readString(pki.caPem) + "\n# server\n"
                + pem(pki.server.chain().get(0).getEncoded()), StandardCharsets.UTF_8);

        assertThat(RemoteTls.readCertificates(pem.toString()))
                .containsExactly(pki.ca, pki.server.chain().get(0));
    }

    @Test
    void aMissingOrEmptyOrBrokenCaFileIsRefusedWithItsName() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.pem"), "nothing here");
        Path broken = Files.writeString(folder.resolve("broken.pem"), Files.readString(pki.caPem)
                + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Path unended = Files.writeString(folder.resolve("unended.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");

        assertThatThrownBy(() -> RemoteTls.readCertificates(folder.resolve("missing.pem").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serverCaFile " + folder.resolve("missing.pem") + " cannot be read (NoSuchFileException)");
        assertThatThrownBy(() -> RemoteTls.readCertificates(empty.toString()))
                .hasMessage("serverCaFile " + empty + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertThatThrownBy(() -> RemoteTls.readCertificates(broken.toString()))
                .hasMessage("serverCaFile " + broken + ": certificate 2 is not a valid X.509 certificate");
        assertThatThrownBy(() -> RemoteTls.readCertificates(unended.toString()))
                .hasMessage("serverCaFile " + unended + ": certificate 1 has no END line");
    }

    @Test
    void onlyTls13And12AreOfferedWithHostNameChecks() throws Exception {
        SSLContext context = RemoteTls.context(pki.client.credentials(), pki.caPem.toString());

        assertThat(RemoteTls.parameters(context).getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(RemoteTls.parameters(context).getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
