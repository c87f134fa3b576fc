package org.keyhaven.key;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** Primary key of a key version: the key's id and the version number. */
@Embeddable
public class KeyVersionId implements Serializable {

    @Column(name = "key_id", length = 36)
    private String keyId;

    @Column(name = "version")
    private int version;

    protected KeyVersionId() {
    }

    KeyVersionId(String keyId, int version) {
        this.keyId = keyId;
        this.version = version;
    }

    String keyId() {
        return keyId;
    }

    int version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyVersionId that && version == that.version && Objects.equals(keyId, that.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, version);
    }
}
