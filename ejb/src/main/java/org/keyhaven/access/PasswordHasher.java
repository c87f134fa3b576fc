package org.keyhaven.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.keyhaven.crypto.KeyhavenProvider;

/**
 * Admin password hashing with Argon2id (RFC 9106), stored in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<parallelism>$<salt>$<hash>} (standard Base64 without padding),
 * with a fresh 16-byte salt and a 32-byte hash.
 *
 * <p>{@link #defaults()} is m=19456 KiB (19 MiB), t=2, p=1: the minimum the OWASP Password Storage Cheat Sheet
 * recommends for Argon2id. A verification then takes some tens of milliseconds of one core (30 to 90 ms measured
 * on the build machine) and 19 MiB, which bounds what a burst of logins can take; deployments with more memory
 * may raise it, and {@link #needsRehash} then tells the login to rehash with the new parameters.
 *
 * <p>Invariants: passwords are encoded as UTF-8 into an array that is wiped after use, never into a
 * {@code String}; hashes are compared in constant time; {@link #verify} never throws on a stored value, it answers
 * false for anything malformed, and refuses parameters beyond {@link #MAX_MEMORY_KIB}, {@link #MAX_ITERATIONS},
 * {@link #MAX_PARALLELISM} and the salt and hash length bounds, so a tampered row can make one login cost at most
 * 256 MiB and 16 passes, not an arbitrary amount of memory and time. {@link #verifyDummy} runs the same code path against a random record, so a login for an
 * unknown user costs as much as one for a known user. Immutable and thread-safe.
 */
public final class PasswordHasher {

    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    /** 256 MiB: with one verification per core at a time, a tampered hash cannot exhaust the heap. */
    public static final int MAX_MEMORY_KIB = 1 << 18;
    public static final int MAX_ITERATIONS = 16;
    public static final int MAX_PARALLELISM = 8;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 64;

    private static final String PREFIX = "$argon2id$v=19$";
    private static final int MAX_ENCODED_LENGTH = 256;
    private static final int MAX_DECIMAL_DIGITS = 7;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final String dummy;

    /**
     * @throws IllegalArgumentException if the parameters are outside what {@link #verify} accepts
     */
    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        if (!withinBounds(memoryKiB, iterations, parallelism)) {
            throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKiB + ", t=" + iterations
                    + ", p=" + parallelism);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.dummy = encode(new Encoded(memoryKiB, iterations, parallelism, random(SALT_BYTES), random(HASH_BYTES)));
    }

    /** m=19456 KiB, t=2, p=1: the OWASP minimum for Argon2id. */
    public static PasswordHasher defaults() {
        return new PasswordHasher(19_456, 2, 1);
    }

    /**
     * @return the PHC string of {@code password} under a fresh salt
     * @throws IllegalArgumentException if the password is not valid UTF-16 (an unpaired surrogate)
     */
    public String hash(char[] password) {
        byte[] salt = random(SALT_BYTES);
        byte[] utf8 = utf8(password).orElseThrow(() -> new IllegalArgumentException("password is not valid Unicode"));
        try {
            return encode(new Encoded(memoryKiB, iterations, parallelism, salt,
                    argon2id(utf8, salt, memoryKiB, iterations, parallelism, HASH_BYTES)));
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** @return true only if {@code encoded} is a well-formed, bounded Argon2id record of {@code password} */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Optional<Encoded> record = decode(encoded);
        if (record.isEmpty()) {
            return false;
        }
        Optional<byte[]> utf8 = utf8(password);
        if (utf8.isEmpty()) {
            return false;
        }
        Encoded stored = record.get();
        try {
            byte[] candidate = argon2id(utf8.get(), stored.salt(), stored.memoryKiB(), stored.iterations(),
                    stored.parallelism(), stored.hash().length);
            return MessageDigest.isEqual(candidate, stored.hash());
        } finally {
            Arrays.fill(utf8.get(), (byte) 0);
        }
    }

    /** Costs what {@link #verify} costs for a record with this hasher's parameters; the answer is discarded. */
    public void verifyDummy(char[] password) {
        verify(password, dummy);
    }

    /** @return true if {@code encoded} is malformed or was made with other parameters or lengths than this hasher's */
    public boolean needsRehash(String encoded) {
        return decode(encoded)
                .map(record -> record.memoryKiB() != memoryKiB || record.iterations() != iterations
                        || record.parallelism() != parallelism || record.salt().length != SALT_BYTES
                        || record.hash().length != HASH_BYTES)
                .orElse(true);
    }

    @Override
    public String toString() {
        return "PasswordHasher[argon2id m=" + memoryKiB + " t=" + iterations + " p=" + parallelism + "]";
    }

    private static byte[] argon2id(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism,
            int hashBytes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[hashBytes];
        generator.generateBytes(password, out);
        parameters.clear();
        return out;
    }

    /**
     * UTF-8 into an array sized for the worst case, so the encoder never reallocates and leaves an unwiped copy
     * behind. Empty if the password contains an unpaired surrogate.
     */
    private static Optional<byte[]> utf8(char[] password) {
        Objects.requireNonNull(password, "password");
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.allocate(password.length * (int) encoder.maxBytesPerChar());
        try {
            CoderResult result = encoder.encode(CharBuffer.wrap(password), buffer, true);
            if (result.isError() || encoder.flush(buffer).isError()) {
                return Optional.empty();
            }
            return Optional.of(Arrays.copyOf(buffer.array(), buffer.position()));
        } finally {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        KeyhavenProvider.random().nextBytes(bytes);
        return bytes;
    }

    private static boolean withinBounds(int memoryKiB, int iterations, int parallelism) {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
    }

    private static String encode(Encoded record) {
        return PREFIX + "m=" + record.memoryKiB() + ",t=" + record.iterations() + ",p=" + record.parallelism()
                + "$" + BASE64.encodeToString(record.salt()) + "$" + BASE64.encodeToString(record.hash());
    }

    /** Strict PHC parsing: exactly our fields, in order, decimal without sign or leading zeros, bounded. */
    private static Optional<Encoded> decode(String encoded) {
        if (encoded == null || encoded.length() > MAX_ENCODED_LENGTH || !encoded.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] fields = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (fields.length != 3) {
            return Optional.empty();
        }
        String[] parameters = fields[0].split(",", -1);
        if (parameters.length != 3) {
            return Optional.empty();
        }
        int memoryKiB = decimal(parameters[0], "m=");
        int iterations = decimal(parameters[1], "t=");
        int parallelism = decimal(parameters[2], "p=");
        byte[] salt = base64(fields[1]);
        byte[] hash = base64(fields[2]);
        if (!withinBounds(memoryKiB, iterations, parallelism) || salt == null || hash == null
                || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES
                || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new Encoded(memoryKiB, iterations, parallelism, salt, hash));
    }

    /** The value after {@code key}, or -1 if it is not a canonical decimal of at most seven digits. */
    private static int decimal(String field, String key) {
        if (!field.startsWith(key)) {
            return -1;
        }
        String digits = field.substring(key.length());
        if (digits.isEmpty() || digits.length() > MAX_DECIMAL_DIGITS || (digits.length() > 1 && digits.charAt(0) == '0')
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** Canonical unpadded standard Base64 (what {@link #encode} writes, nothing else), or null. */
    private static byte[] base64(String text) {
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            return BASE64.encodeToString(decoded).equals(text) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A parsed record; its arrays are not secret (salt and hash are stored in the clear). */
    private record Encoded(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }
}
