package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A certificate just issued: its one-time secrets are wiped on close and never printed. */
class NewCertificateTest {

    private static final String FINGERPRINT = "0f".repeat(32);

    @Test
    void closingWipesTheBundleAndItsPassword() {
        byte[] pkcs12 = {1, 2, 3, 4, 5};
        char[] password = "correct-horse-battery".toCharArray();
        NewCertificate issued = new NewCertificate(view(), FINGERPRINT, "chain", pkcs12, password);

        issued.close();

        assertThat(pkcs12).containsOnly(0);
        assertThat(password).containsOnly('\0');
    }

    @Test
    void aCertificateForACsrHasNothingToWipe() {
        NewCertificate issued = new NewCertificate(view(), FINGERPRINT, "chain", null, null);

        issued.close();

        assertThat(issued.pkcs12()).isNull();
        assertThat(issued.pkcs12Password()).isNull();
    }

    @Test
    void toStringNamesClientAndFingerprintButNoSecret() {
        byte[] pkcs12 = {0x30, (byte) 0x82, 0x0a, 0x0b};
        char[] password = "s3cret-one-time".toCharArray();

        String text = new NewCertificate(view(), FINGERPRINT, "-----BEGIN CERTIFICATE-----", pkcs12, password)
                .toString();

        assertThat(text).isEqualTo("NewCertificate[orders-app " + FINGERPRINT + "]");
        assertThat(text).doesNotContain("s3cret", Arrays.toString(pkcs12), "BEGIN");
    }

    private static ClientView view() {
        return new Client("orders-app", "officer", TestClients.T0).toView();
    }
}
