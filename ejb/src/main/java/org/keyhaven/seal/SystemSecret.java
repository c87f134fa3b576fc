package org.keyhaven.seal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.keyhaven.crypto.SecretBytes;

/** A secret of Keyhaven itself (the audit MAC key), wrapped under a master key version like any key. */
@Entity
@Table(name = "kh_system_secret")
public class SystemSecret {

    public static final String AUDIT_MAC_KEY = "audit-mac-key";

    @Id
    private String name;

    @Column(name = "mk_version", nullable = false)
    private int mkVersion;

    @Column(nullable = false)
    private byte[] wrapped;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected SystemSecret() {
    }

    SystemSecret(String name, MasterKeyRing ring, SecretBytes secret, Instant now) {
        this.name = name;
        this.createdAt = now;
        rewrap(ring, secret);
    }

    SecretBytes unwrap(MasterKeyRing ring) {
        return ring.unwrap(mkVersion, wrapped, associatedData());
    }

    void rewrap(MasterKeyRing ring, SecretBytes secret) {
        this.mkVersion = ring.currentVersion();
        this.wrapped = ring.wrap(secret, associatedData());
    }

    int mkVersion() {
        return mkVersion;
    }

    private byte[] associatedData() {
        return ("keyhaven-system-secret-v1|" + name).getBytes(StandardCharsets.UTF_8);
    }
}
