package org.keyhaven.client;

import java.time.Instant;
import java.util.List;

/**
 * Clients, certificates and CAs as plain objects, for tests here and outside this package (whose constructors and
 * mutators are package-private). Nothing is persisted; rows are not protected unless a test does so.
 */
public final class TestClients {

    public static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");

    private TestClients() {
    }

    /** An active client holding exactly these grants. */
    public static Client client(String name, GrantSpec... grants) {
        Client client = new Client(name, "officer", T0);
        client.replaceGrants(List.of(grants), "officer", T0);
        return client;
    }

    public static void disable(Client client) {
        client.setStatus(ClientStatus.DISABLED, T0.plusSeconds(60));
    }

    static CertificateAuthority externalCa(String id, String name) {
        return CertificateAuthority.external(id, name, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                "ab".repeat(32), true, "security-admin", T0);
    }

    /** Facts of a certificate as Keyhaven stores them; the values are not parsed, only kept. */
    static IssuedCertificate issued(String fingerprint) {
        return new IssuedCertificate(fingerprint, "1f2e3d", "CN=orders-app,O=Keyhaven clients",
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2027-04-02T09:00:00Z"),
                "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n");
    }
}
