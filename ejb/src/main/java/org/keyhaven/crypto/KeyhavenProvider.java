package org.keyhaven.crypto;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The one JCA provider and the one random source of Keyhaven.
 *
 * <p><b>Provider.</b> A private {@link BouncyCastleProvider} instance, created on first use and never registered
 * with {@link java.security.Security}. WildFly registers its own, older Bouncy Castle under the name "BC", so
 * {@code Security.getProvider("BC")} would silently give a different version than the one packaged in the EAR
 * (TOOLCHAIN.md). Always pass {@link #get()} to {@code getInstance(..., provider)}.
 *
 * <p><b>Random.</b> The JDK's NIST SP 800-90A {@code DRBG} (Hash_DRBG over SHA-256 by default), instantiated at a
 * security strength of 256 bits, without prediction resistance (which would reseed from the operating system
 * on every call) but with reseeding supported. It is seeded from the operating system through the JDK's
 * {@code securerandom.source}; on Linux 5.6 and later that never blocks once the kernel's generator is
 * initialised at boot. On older kernels the first seeding may wait for entropy; set
 * {@code -Djava.security.egd=file:/dev/urandom} there. The JDK declares its DRBG thread-safe, so one instance
 * serves every caller. It was chosen over Bouncy Castle's default generator because it is the JDK's
 * documented, configurable SP 800-90A implementation and does not depend on the provider's entropy heuristics.
 */
public final class KeyhavenProvider {

    private static final int SECURITY_STRENGTH_BITS = 256;

    private KeyhavenProvider() {
    }

    /** The shared Bouncy Castle provider instance (never the JVM-wide "BC"). */
    public static Provider get() {
        return ProviderHolder.INSTANCE;
    }

    /** The shared strong, non-blocking, thread-safe random generator. */
    public static SecureRandom random() {
        return RandomHolder.INSTANCE;
    }

    private static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG", DrbgParameters.instantiation(
                    SECURITY_STRENGTH_BITS, DrbgParameters.Capability.RESEED_ONLY, null));
        } catch (NoSuchAlgorithmException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "the JDK offers no 256-bit DRBG", null, e);
        }
    }

    /** Holder idiom: created on first use, safely published by class initialisation. */
    private static final class ProviderHolder {
        static final Provider INSTANCE = new BouncyCastleProvider();
    }

    private static final class RandomHolder {
        static final SecureRandom INSTANCE = newDrbg();
    }
}
