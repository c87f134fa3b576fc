package org.keyhaven.audit;

/** SUCCESS: done. DENIED: refused for lack of authority. FAILED: refused or failed for any other reason. */
public enum Outcome {
    SUCCESS,
    DENIED,
    FAILED
}
