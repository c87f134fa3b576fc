package org.keyhaven.kmip.message;

/**
 * What the server does with the rest of a batch when an item fails: Continue with the next items, Stop (the default)
 * and answer only the items processed, or Undo, which also rolls back the items before the failure (the whole
 * batch then runs in one transaction).
 */
public enum BatchErrorContinuation {
    CONTINUE(1),
    STOP(2),
    UNDO(3);

    private final int code;

    BatchErrorContinuation(int code) {
        this.code = code;
    }

    public static BatchErrorContinuation of(int code) {
        for (BatchErrorContinuation option : values()) {
            if (option.code == code) {
                return option;
            }
        }
        throw new KmipFailure(ResultReason.INVALID_MESSAGE, "unknown Batch Error Continuation Option " + code);
    }
}
