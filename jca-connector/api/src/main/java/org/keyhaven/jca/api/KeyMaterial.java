package org.keyhaven.jca.api;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A retrieved key. The material is held in one array that {@link #destroy()} overwrites; every read returns a copy
 * (the caller wipes its copy). {@code format} is {@code RAW} for symmetric keys and secret data, {@code PKCS8} for a
 * private key (its X.509 public key in {@link #publicKey()}), {@code X509} for a public key alone. Never printed.
 */
public final class KeyMaterial implements Destroyable {

    private final String id;
    private final String name;
    private final int version;
    private final String algorithm;
    private final String format;
    private final byte[] material;
    private final byte[] publicKey;
    private volatile boolean destroyed;

    public KeyMaterial(String id, String name, int version, String algorithm, String format, byte[] material,
            byte[] publicKey) {
        this.id = id;
        this.name = name;
        this.version = version;
        this.algorithm = algorithm;
        this.format = format;
        this.material = material.clone();
        this.publicKey = publicKey == null ? null : publicKey.clone();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String algorithm() {
        return algorithm;
    }

    public String format() {
        return format;
    }

    /** A copy of the key material. */
    public byte[] encoded() {
        if (destroyed) {
            throw new IllegalStateException("the key material was destroyed");
        }
        return material.clone();
    }

    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    /** An independent copy (a cache hands out copies so a caller's destroy never reaches the cache). */
    public KeyMaterial copy() {
        return new KeyMaterial(id, name, version, algorithm, format, encoded(), publicKey);
    }

    @Override
    public void destroy() {
        Arrays.fill(material, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + id + " v" + version + " " + algorithm + "]";
    }
}
