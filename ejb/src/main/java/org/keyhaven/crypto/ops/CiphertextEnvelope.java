package org.keyhaven.crypto.ops;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AesGcm;
import org.keyhaven.key.KeyAlgorithm;

/**
 * The self-describing ciphertext of the encryption services (port 6003, base64 in the JSON API). It names the key
 * and the key version that decrypt it, so data encrypted before a rotation still decrypts afterwards and the
 * minimum decryption version can be enforced before any key is touched.
 *
 * <p><b>Format version 1 (public contract; never change it, add a format version instead).</b> All integers are
 * big-endian.
 * <pre>
 * offset  size  field
 *      0     2  magic 'K' 'H' (0x4B 0x48)
 *      2     1  format version, 0x01
 *      3     1  algorithm: 0x01 AES-GCM, 0x02 RSA-OAEP with SHA-256 and MGF1-SHA-256
 *      4    16  key id: the UUID's most significant 64 bits, then its least significant 64 bits
 *     20     4  key version, unsigned; 1 to 2^31-1 (Keyhaven's versions are positive 32-bit integers)
 *     24     n  body
 * </pre>
 * The 24 bytes before the body are the <em>header</em>.
 * <ul>
 *   <li><b>AES-GCM body</b> (NIST SP 800-38D, 96-bit nonce, 128-bit tag): 12-byte nonce, then ciphertext, then the
 *       16-byte tag; so at least 28 bytes. The nonce is fresh random for every encryption. The GCM additional
 *       authenticated data is the header followed by the caller's associated data (possibly empty).</li>
 *   <li><b>RSA-OAEP body</b> (RFC 8017 section 7.1, SHA-256, MGF1 with SHA-256): the encrypted block, exactly as
 *       long as the key's modulus; Keyhaven's RSA keys are 2048, 3072 or 4096 bits, so 256, 384 or 512 bytes. The
 *       OAEP label is the header followed by the caller's associated data.</li>
 * </ul>
 * Because the header is part of what is authenticated (the GCM additional data, the OAEP label), a ciphertext
 * whose key id, key version, algorithm or format version has been changed, or that is presented with other
 * associated data, fails to decrypt. The header is fixed-length, so header and associated data cannot be confused
 * with each other.
 *
 * <p><b>Invariants.</b> Every instance satisfies the format: the canonical constructor and {@link #parse} enforce
 * the same rules, so {@code parse(e.encode())} equals {@code e} and {@code parse(b).encode()} equals {@code b}.
 * Instances are immutable ({@link #body()} returns a copy). A ciphertext is not secret: {@link #toString()} shows
 * the header fields and the body length.
 *
 * @param algorithm how the body was made
 * @param keyId the managed key that decrypts it
 * @param keyVersion the version of that key, at least 1
 * @param body the algorithm-specific body described above
 */
public record CiphertextEnvelope(Algorithm algorithm, UUID keyId, int keyVersion, byte[] body) {

    /** Length of the header: magic, format version, algorithm, key id, key version. */
    public static final int HEADER_BYTES = 24;
    public static final byte FORMAT_VERSION = 0x01;
    private static final byte MAGIC_0 = 'K';
    private static final byte MAGIC_1 = 'H';
    private static final int MIN_AES_GCM_BODY_BYTES = AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES;
    private static final Set<Integer> RSA_OAEP_BODY_BYTES = Set.of(256, 384, 512);

    /** The algorithms a version 1 envelope can name, with their one-byte ids. */
    public enum Algorithm {
        AES_GCM(0x01, "AES-GCM", KeyAlgorithm.AES),
        RSA_OAEP_SHA256(0x02, "RSA-OAEP-SHA256", KeyAlgorithm.RSA);

        private final int id;
        private final String externalName;
        private final KeyAlgorithm keyAlgorithm;

        Algorithm(int id, String externalName, KeyAlgorithm keyAlgorithm) {
            this.id = id;
            this.externalName = externalName;
            this.keyAlgorithm = keyAlgorithm;
        }

        /** The byte at offset 3. */
        public int id() {
            return id;
        }

        public String externalName() {
            return externalName;
        }

        /** The algorithm of the managed key that decrypts envelopes of this kind. */
        public KeyAlgorithm keyAlgorithm() {
            return keyAlgorithm;
        }

        static Optional<Algorithm> ofId(int id) {
            return Arrays.stream(values()).filter(algorithm -> algorithm.id == id).findFirst();
        }
    }

    /**
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} if the fields do not make a valid envelope
     *     (version below 1, body length not allowed for the algorithm)
     */
    public CiphertextEnvelope {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(body, "body");
        checkKeyVersion(keyVersion);
        checkBodyLength(algorithm, body.length);
        body = body.clone();
    }

    /**
     * Reads an envelope strictly: magic, format version, known algorithm, key version and body length are all
     * checked; nothing is skipped or tolerated. Work and memory are linear in the input (one copy of the body);
     * the overall size limit is the caller's (the API's payload limit).
     *
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} for anything that is not a well-formed envelope;
     *     never any other exception
     */
    public static CiphertextEnvelope parse(byte[] encoded) {
        if (encoded == null) {
            throw invalid("ciphertext is required");
        }
        if (encoded.length < HEADER_BYTES) {
            throw invalid("not a Keyhaven ciphertext: " + encoded.length + " bytes is shorter than the "
                    + HEADER_BYTES + "-byte header");
        }
        if (encoded[0] != MAGIC_0 || encoded[1] != MAGIC_1) {
            throw invalid("not a Keyhaven ciphertext: it does not start with 'KH'");
        }
        if (encoded[2] != FORMAT_VERSION) {
            throw invalid("unsupported ciphertext format version " + Byte.toUnsignedInt(encoded[2])
                    + "; this server reads version " + FORMAT_VERSION);
        }
        int algorithmId = Byte.toUnsignedInt(encoded[3]);
        Algorithm algorithm = Algorithm.ofId(algorithmId).orElseThrow(() -> invalid(
                "unknown ciphertext algorithm id " + algorithmId + "; known: 1 (AES-GCM), 2 (RSA-OAEP-SHA256)"));
        ByteBuffer buffer = ByteBuffer.wrap(encoded, 4, HEADER_BYTES - 4);
        UUID keyId = new UUID(buffer.getLong(), buffer.getLong());
        long unsignedVersion = Integer.toUnsignedLong(buffer.getInt());
        if (unsignedVersion > Integer.MAX_VALUE) {
            throw invalid("ciphertext key version " + unsignedVersion + " is out of range (1 to "
                    + Integer.MAX_VALUE + ")");
        }
        byte[] body = Arrays.copyOfRange(encoded, HEADER_BYTES, encoded.length);
        return new CiphertextEnvelope(algorithm, keyId, (int) unsignedVersion, body);
    }

    /** A fresh copy of the 24 header bytes, as authenticated by the algorithm. */
    public byte[] header() {
        return header(algorithm, keyId, keyVersion);
    }

    /** The complete envelope: header, then body. */
    public byte[] encode() {
        return ByteBuffer.allocate(HEADER_BYTES + body.length).put(header()).put(body).array();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The header of an envelope with these fields, before its body exists (encryption authenticates it). */
    static byte[] header(Algorithm algorithm, UUID keyId, int keyVersion) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        checkKeyVersion(keyVersion);
        return ByteBuffer.allocate(HEADER_BYTES)
                .put(MAGIC_0).put(MAGIC_1).put(FORMAT_VERSION).put((byte) algorithm.id)
                .putLong(keyId.getMostSignificantBits()).putLong(keyId.getLeastSignificantBits())
                .putInt(keyVersion)
                .array();
    }

    /** Whether an RSA-OAEP body of this length (the modulus length in bytes) can be carried. */
    static boolean isRsaOaepBodyLength(int length) {
        return RSA_OAEP_BODY_BYTES.contains(length);
    }

    private static void checkKeyVersion(int keyVersion) {
        if (keyVersion < 1) {
            throw invalid("ciphertext key version must be at least 1; got " + keyVersion);
        }
    }

    private static void checkBodyLength(Algorithm algorithm, int length) {
        switch (algorithm) {
            case AES_GCM -> {
                if (length < MIN_AES_GCM_BODY_BYTES) {
                    throw invalid("AES-GCM ciphertext body is " + length + " bytes; at least "
                            + MIN_AES_GCM_BODY_BYTES + " (nonce and tag) expected");
                }
            }
            case RSA_OAEP_SHA256 -> {
                if (!isRsaOaepBodyLength(length)) {
                    throw invalid("RSA-OAEP ciphertext body is " + length + " bytes; 256, 384 or 512 expected");
                }
            }
        }
    }

    private static KeyhavenException invalid(String message) {
        return new KeyhavenException(ErrorCode.INVALID_REQUEST, message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CiphertextEnvelope that && algorithm == that.algorithm && keyId.equals(that.keyId)
                && keyVersion == that.keyVersion && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, keyId, keyVersion) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "CiphertextEnvelope[" + algorithm.externalName + ", key " + keyId + " version " + keyVersion
                + ", body " + body.length + " bytes]";
    }
}
