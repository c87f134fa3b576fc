package org.keyhaven.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Argon2id hashing with a bound on how many run at once: each costs tens of MiB and milliseconds of CPU, so an
 * unauthenticated flood of logins must queue, not exhaust the server.
 */
@ApplicationScoped
public class PasswordHashing {

    private final PasswordHasher hasher = PasswordHasher.defaults();
    private final Semaphore permits = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    public String hash(char[] password) {
        return bounded(() -> hasher.hash(password));
    }

    public boolean verify(char[] password, String encoded) {
        return bounded(() -> hasher.verify(password, encoded));
    }

    /** Spends the time of a verification, for unknown users (no timing difference between unknown and wrong). */
    public void verifyDummy(char[] password) {
        bounded(() -> {
            hasher.verifyDummy(password);
            return null;
        });
    }

    public boolean needsRehash(String encoded) {
        return hasher.needsRehash(encoded);
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new KeyhavenException(ErrorCode.SERVER_BUSY, "too many logins at once; retry later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyhavenException(ErrorCode.SERVER_BUSY, "interrupted");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
