package org.keyhaven.client;

import java.util.Arrays;

/**
 * A certificate just issued to a client: the PEM chain (client certificate, then the internal CA), and, when Keyhaven
 * generated the key too, a PKCS#12 bundle with its one-time password, handed out exactly once. Close it after use:
 * the bundle and the password are wiped.
 */
public record NewCertificate(ClientView client, String fingerprint, String certificateChainPem, byte[] pkcs12,
        char[] pkcs12Password) implements AutoCloseable {

    @Override
    public void close() {
        if (pkcs12 != null) {
            Arrays.fill(pkcs12, (byte) 0);
        }
        if (pkcs12Password != null) {
            Arrays.fill(pkcs12Password, '\0');
        }
    }

    @Override
    public String toString() {
        return "NewCertificate[" + client.name() + " " + fingerprint + "]";
    }
}
