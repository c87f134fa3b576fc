package org.keyhaven.application;

/**
 * A key handed to a granted client: raw bytes for symmetric keys and secret data, the PKCS#8 private key and the
 * X.509 public key for key pairs. The arrays belong to the response being written.
 */
public record RetrievedKey(String id, String name, int version, String algorithm, int length, String curve,
        String format, byte[] key, byte[] publicKey) {

    @Override
    public String toString() {
        return "RetrievedKey[" + id + " v" + version + "]";
    }
}
