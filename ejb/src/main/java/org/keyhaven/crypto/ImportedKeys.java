package org.keyhaven.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import javax.security.auth.DestroyFailedException;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

/**
 * Checks asymmetric keys a client brings (KMIP Register) before Keyhaven keeps them: the encoding decodes as a key
 * of the algorithm, its size or curve is one Keyhaven supports (RSA 2048, 3072 or 4096 bits; the NIST curves P-256,
 * P-384 and P-521; Ed25519), an RSA private key's components belong together, and the public key of a private key
 * is derived from it. Anything else is refused as invalid input, naming what is wrong, never the key's content.
 */
public final class ImportedKeys {

    /** What a private key turned out to be: its spec and its public key (X.509 SubjectPublicKeyInfo). */
    public record PrivateKeyFacts(KeySpec spec, byte[] publicKey) {
    }

    private ImportedKeys() {
    }

    /** @param pkcs8 the PKCS#8 private key, lent: the caller wipes it */
    public static PrivateKeyFacts inspectPrivate(KeyAlgorithm algorithm, SecretBytes pkcs8) {
        PrivateKey key = pkcs8.use(encoded -> {
            try {
                return factory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw invalid("is not a " + algorithm.externalName() + " private key");
            }
        });
        try {
            KeySpec spec = spec(algorithm, key);
            return new PrivateKeyFacts(spec, publicOf(algorithm, key).getEncoded());
        } finally {
            destroy(key);
        }
    }

    /** @param spki the X.509 SubjectPublicKeyInfo of a public key */
    public static KeySpec inspectPublic(KeyAlgorithm algorithm, byte[] spki) {
        try {
            return spec(algorithm, factory(algorithm).generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("is not a " + algorithm.externalName() + " public key");
        }
    }

    private static KeySpec spec(KeyAlgorithm algorithm, java.security.Key key) {
        return switch (algorithm) {
            case RSA -> KeySpec.of(algorithm, ((RSAKey) key).getModulus().bitLength(), null);
            case EC -> KeySpec.of(algorithm, null, curve(((ECKey) key).getParams())
                    .orElseThrow(() -> invalid("is on a curve Keyhaven does not support (P-256, P-384, P-521)"))
                    .displayName());
            case ED25519 -> KeySpec.of(algorithm, null, null);
            default -> throw invalid("is not of an asymmetric algorithm");
        };
    }

    private static PublicKey publicOf(KeyAlgorithm algorithm, PrivateKey key) throws KeyhavenException {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                if (!KeyFormats.consistent(new KeyFormats.RsaPrivateComponents(rsa.getModulus(),
                        rsa.getPublicExponent(), rsa.getPrivateExponent(), rsa.getPrimeP(), rsa.getPrimeQ(),
                        rsa.getPrimeExponentP(), rsa.getPrimeExponentQ(), rsa.getCrtCoefficient()))) {
                    throw invalid("has components that do not belong together");
                }
                return factory(algorithm).generatePublic(new RSAPublicKeySpec(rsa.getModulus(),
                        rsa.getPublicExponent()));
            }
            if (key instanceof org.bouncycastle.jce.interfaces.ECPrivateKey ec) {
                org.bouncycastle.jce.spec.ECParameterSpec parameters = ec.getParameters();
                return factory(algorithm).generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(
                        parameters.getG().multiply(ec.getD()).normalize(), parameters));
            }
            if (key instanceof org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey ed) {
                return ed.getPublicKey();
            }
        } catch (GeneralSecurityException e) {
            throw invalid("has no derivable public key");
        }
        throw invalid("lacks the public values Keyhaven needs (an RSA key needs its CRT components)");
    }

    private static Optional<EcCurve> curve(ECParameterSpec given) {
        for (EcCurve curve : EcCurve.values()) {
            try {
                java.security.AlgorithmParameters named = java.security.AlgorithmParameters.getInstance("EC",
                        KeyhavenProvider.get());
                named.init(new ECGenParameterSpec(curve.jcaName()));
                ECParameterSpec known = named.getParameterSpec(ECParameterSpec.class);
                if (known.getCurve().equals(given.getCurve()) && known.getGenerator().equals(given.getGenerator())
                        && known.getOrder().equals(given.getOrder())) {
                    return Optional.of(curve);
                }
            } catch (GeneralSecurityException e) {
                throw new KeyhavenException(ErrorCode.INTERNAL, "curve " + curve.displayName() + " is not available",
                        null, e);
            }
        }
        return Optional.empty();
    }

    private static KeyFactory factory(KeyAlgorithm algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(switch (algorithm) {
            case RSA -> "RSA";
            case EC -> "EC";
            case ED25519 -> "Ed25519";
            default -> throw invalid("is not of an asymmetric algorithm");
        }, KeyhavenProvider.get());
    }

    private static void destroy(PrivateKey key) {
        if (key instanceof org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey) {
            return; // no destroy(): left to the collector, as in KeyMaterialGenerator
        }
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot destroy a temporary private key", null, e);
        }
    }

    private static KeyhavenException invalid(String what) {
        return new KeyhavenException(ErrorCode.INVALID_REQUEST, "the key " + what);
    }
}
