package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClientCsrTest {

    private static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";

    @Test
    void noFileAndNoTextMeansKeyhavenGeneratesTheKey() {
        ClientCsr.Choice choice = ClientCsr.choose(null, "  ");

        assertThat(choice.acceptable()).isTrue();
        assertThat(choice.pem()).isNull();
    }

    @Test
    void pastedTextIsTheCsr() {
        ClientCsr.Choice choice = ClientCsr.choose(new byte[0], "\n" + CSR);

        assertThat(choice.acceptable()).isTrue();
        assertThat(choice.pem()).isEqualTo(CSR.strip());
    }

    @Test
    void anUploadedFileIsReadAsAsciiText() {
        ClientCsr.Choice choice = ClientCsr.choose(CSR.getBytes(StandardCharsets.US_ASCII), null);

        assertThat(choice.pem()).isEqualTo(CSR.strip());
    }

    @Test
    void theOldNewCertificateRequestHeaderIsAccepted() {
        assertThat(ClientCsr.choose(null, "-----BEGIN NEW CERTIFICATE REQUEST-----\nMIIB").acceptable()).isTrue();
    }

    @Test
    void bothAFileAndTextAreRefusedAtTheText() {
        ClientCsr.Choice choice = ClientCsr.choose(CSR.getBytes(StandardCharsets.US_ASCII), CSR);

        assertThat(choice.acceptable()).isFalse();
        assertThat(choice.problemSource()).isEqualTo(ClientCsr.Source.TEXT);
        assertThat(choice.pem()).isNull();
    }

    @Test
    void aFileOverSixtyFourKibIsRefusedAtTheFile() {
        byte[] big = new byte[ClientCsr.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'A');

        ClientCsr.Choice choice = ClientCsr.choose(big, null);

        assertThat(choice.problemSource()).isEqualTo(ClientCsr.Source.FILE);
        assertThat(choice.problem()).contains("64 KiB");
    }

    @Test
    void aBinaryFileIsRefusedAtTheFile() {
        ClientCsr.Choice choice = ClientCsr.choose(new byte[] {0x30, (byte) 0x82, 0x01}, null);

        assertThat(choice.problemSource()).isEqualTo(ClientCsr.Source.FILE);
        assertThat(choice.problem()).contains("US-ASCII");
    }

    @Test
    void textWithoutACertificateRequestBlockIsRefused() {
        ClientCsr.Choice choice = ClientCsr.choose(null, "-----BEGIN CERTIFICATE-----\nMIIB");

        assertThat(choice.problemSource()).isEqualTo(ClientCsr.Source.TEXT);
        assertThat(choice.problem()).contains("not a PEM certificate request");
    }

    @Test
    void pastedTextOverSixtyFourKibIsRefused() {
        String big = CSR + "A".repeat(ClientCsr.MAX_BYTES);

        assertThat(ClientCsr.choose(null, big).problem()).contains("64 KiB");
    }
}
