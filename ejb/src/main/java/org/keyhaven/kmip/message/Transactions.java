package org.keyhaven.kmip.message;

/** How the processor runs a batch whose items must all take effect or none (Batch Error Continuation Undo). */
@FunctionalInterface
public interface Transactions {

    /**
     * Runs the work in one transaction; if the work throws, everything it did is rolled back and the exception
     * reaches the caller as thrown.
     */
    void runAtomically(Runnable work);
}
