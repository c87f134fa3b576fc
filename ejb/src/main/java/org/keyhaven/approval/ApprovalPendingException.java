package org.keyhaven.approval;

/**
 * The operation was not carried out but submitted for approval: the request (committed with its audit record; this
 * exception does not roll back) is what the caller gets back, as HTTP 202.
 */
public class ApprovalPendingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApprovalView request;

    public ApprovalPendingException(ApprovalView request) {
        super("approval request " + request.id() + " for " + request.operation() + " awaits "
                + request.required() + " approval(s)", null, false, false);
        this.request = request;
    }

    public ApprovalView request() {
        return request;
    }
}
