package org.keyhaven.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keyhaven.crypto.SecretBytes;

/**
 * Key pairs made by the JDK's own providers (SunRsaSign, SunEC), which share no code with the Bouncy Castle that
 * Keyhaven uses: the independent side of cross-checks. Each pair is generated once per JVM and shared.
 */
public final class JdkKeyPairs {

    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

    private JdkKeyPairs() {
    }

    public static KeyPair rsa(int bits) {
        return PAIRS.computeIfAbsent("RSA-" + bits, name -> generate("RSA", "SunRsaSign", bits, null));
    }

    /** @param curve the JCA name, e.g. {@code secp256r1} */
    public static KeyPair ec(String curve) {
        return PAIRS.computeIfAbsent("EC-" + curve, name -> generate("EC", "SunEC", 0, curve));
    }

    public static KeyPair ed25519() {
        return PAIRS.computeIfAbsent("Ed25519", name -> generate("Ed25519", "SunEC", 0, null));
    }

    /** A fresh copy of the pair's PKCS#8 private key, as Keyhaven lends private keys. */
    public static SecretBytes pkcs8(KeyPair pair) {
        return SecretBytes.adopt(pair.getPrivate().getEncoded());
    }

    private static KeyPair generate(String algorithm, String provider, int bits, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, provider);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the JDK cannot generate " + algorithm, e);
        }
    }
}
