package org.keyhaven.crypto.ops;

import java.security.spec.MGF1ParameterSpec;

/**
 * The hash functions of signatures and RSA-OAEP. Signatures use SHA-1 only to verify old signatures (NIST SP
 * 800-131A), see {@link SignatureScheme#legacy()}.
 */
public enum Hash {
    SHA1("SHA-1", "SHA1", 20, MGF1ParameterSpec.SHA1),
    SHA224("SHA-224", "SHA224", 28, MGF1ParameterSpec.SHA224),
    SHA256("SHA-256", "SHA256", 32, MGF1ParameterSpec.SHA256),
    SHA384("SHA-384", "SHA384", 48, MGF1ParameterSpec.SHA384),
    SHA512("SHA-512", "SHA512", 64, MGF1ParameterSpec.SHA512);

    private final String jcaName;
    private final String prefix;
    private final int bytes;
    private final MGF1ParameterSpec mgf1;

    Hash(String jcaName, String prefix, int bytes, MGF1ParameterSpec mgf1) {
        this.jcaName = jcaName;
        this.prefix = prefix;
        this.bytes = bytes;
        this.mgf1 = mgf1;
    }

    public String jcaName() {
        return jcaName;
    }

    /** The digest of the data. */
    public byte[] digest(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance(jcaName).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is part of every Java platform", e);
        }
    }

    public int bytes() {
        return bytes;
    }

    /** The prefix of JCA signature names, e.g. {@code SHA256} in {@code SHA256withRSA}. */
    String prefix() {
        return prefix;
    }

    MGF1ParameterSpec mgf1() {
        return mgf1;
    }
}
