package org.keyhaven.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.security.auth.Destroyable;

/**
 * Secret bytes (key material, passwords as UTF-8) that are lent out, never handed out, and zeroed when
 * the holder is closed. The array passed to {@link #use(Function)} must not be retained by the borrower.
 * {@link #toString()} never shows the content.
 */
public final class SecretBytes implements Destroyable, AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not use the array afterwards. */
    public static SecretBytes adopt(byte[] bytes) {
        return new SecretBytes(Objects.requireNonNull(bytes));
    }

    /** Copies {@code bytes}; the caller stays responsible for wiping its own array. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    public <T> T use(Function<byte[], T> borrower) {
        checkAlive();
        return borrower.apply(bytes);
    }

    public void consume(Consumer<byte[]> borrower) {
        checkAlive();
        borrower.accept(bytes);
    }

    /** A copy the caller owns and must wipe; for APIs that insist on keeping their own array. */
    public byte[] copy() {
        checkAlive();
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret already destroyed");
        }
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes" + (destroyed ? ", destroyed]" : "]");
    }
}
