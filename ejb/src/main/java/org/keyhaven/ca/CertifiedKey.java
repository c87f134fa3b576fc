package org.keyhaven.ca;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.keyhaven.crypto.SecretBytes;

/**
 * A private key (its PKCS#8 encoding, owned and wiped on {@link #close()}) with its certificate chain, leaf first.
 */
public final class CertifiedKey implements AutoCloseable {

    private final SecretBytes privateKey;
    private final List<X509Certificate> chain;

    CertifiedKey(SecretBytes privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "private key");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key needs its certificate");
        }
    }

    /** The PKCS#8 encoding, lent: the caller must not keep or wipe it. */
    public SecretBytes privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public void close() {
        privateKey.close();
    }
}
