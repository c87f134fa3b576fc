package org.keyhaven.crypto.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.GeneratedKey;
import org.keyhaven.crypto.KeyMaterialGenerator;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

/**
 * Keys and helpers shared by the tests of this package. Key pairs are generated once per spec and JVM (RSA-4096
 * generation takes seconds) and never closed; a second pair per spec serves as "another key of the same kind".
 * The JDK-side objects come from the JDK's own providers (SunRsaSign, SunEC), never from Bouncy Castle, so that
 * cross-checks compare two independent implementations.
 */
final class Fixtures {

    private static final Map<String, GeneratedKey> PAIRS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    static KeySpec rsa(int bits) {
        return KeySpec.of(KeyAlgorithm.RSA, bits, null);
    }

    static KeySpec ec(EcCurve curve) {
        return KeySpec.of(KeyAlgorithm.EC, null, curve.displayName());
    }

    static KeySpec ed25519() {
        return KeySpec.of(KeyAlgorithm.ED25519, null, null);
    }

    static KeySpec aes(int bits) {
        return KeySpec.of(KeyAlgorithm.AES, bits, null);
    }

    /** The shared key pair for this spec. */
    static GeneratedKey pair(KeySpec spec) {
        return PAIRS.computeIfAbsent(spec.toString(), name -> KeyMaterialGenerator.generate(spec));
    }

    /** A second, different key pair of the same spec. */
    static GeneratedKey otherPair(KeySpec spec) {
        return PAIRS.computeIfAbsent(spec + " other", name -> KeyMaterialGenerator.generate(spec));
    }

    static SecretBytes randomAesKey(int bits) {
        byte[] key = new byte[bits / 8];
        RANDOM.nextBytes(key);
        return SecretBytes.adopt(key);
    }

    static PrivateKey jdkPrivateKey(KeySpec spec, SecretBytes pkcs8) throws GeneralSecurityException {
        return jdkKeyFactory(spec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8.copy()));
    }

    static PublicKey jdkPublicKey(KeySpec spec, byte[] spki) throws GeneralSecurityException {
        return jdkKeyFactory(spec).generatePublic(new X509EncodedKeySpec(spki));
    }

    private static KeyFactory jdkKeyFactory(KeySpec spec) throws GeneralSecurityException {
        return switch (spec.algorithm()) {
            case RSA -> KeyFactory.getInstance("RSA", "SunRsaSign");
            case EC -> KeyFactory.getInstance("EC", "SunEC");
            case ED25519 -> KeyFactory.getInstance("Ed25519", "SunEC");
            default -> throw new IllegalArgumentException(spec + " has no key pair");
        };
    }

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] result = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, offset, part.length);
            offset += part.length;
        }
        return result;
    }


}
