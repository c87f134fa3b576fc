package org.keyhaven.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;

/**
 * Where the current call came from: set by the entry point (a web filter, the KMIP listener, the in-server gateway)
 * and read by the audit; and, while an approved operation is carried out, for whom. Unset fields stay null (timers,
 * startup).
 */
@RequestScoped
public class CallContext {

    private String clientAddress;
    private Integer port;
    private Delegation delegation;

    /**
     * An approved operation being carried out for its requester: audit records name the requester as the actor and
     * the approvers; the operation's own gate lets it through once.
     */
    public static final class Delegation {
        private final String operation;
        private final String requester;
        private final List<String> approvers;
        private final String approvalId;
        private boolean used;

        public Delegation(String operation, String requester, List<String> approvers, String approvalId) {
            this.operation = operation;
            this.requester = requester;
            this.approvers = List.copyOf(approvers);
            this.approvalId = approvalId;
        }

        public String requester() {
            return requester;
        }

        public List<String> approvers() {
            return approvers;
        }

        public String approvalId() {
            return approvalId;
        }
    }

    public void set(String clientAddress, int port) {
        this.clientAddress = clientAddress;
        this.port = port;
    }

    /**
     * A call from code deployed in the same server, which has no network peer and no port: {@code entryPoint} names
     * the way in (e.g. {@code jca}) where a peer address would stand.
     */
    public void setInServer(String entryPoint) {
        this.clientAddress = entryPoint;
        this.port = null;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Integer port() {
        return port;
    }

    public void beginDelegation(Delegation approved) {
        this.delegation = approved;
    }

    public void endDelegation() {
        this.delegation = null;
    }

    public Optional<Delegation> delegation() {
        return Optional.ofNullable(delegation);
    }

    /** Whether this is the approved operation, carried out now; true once only. */
    public boolean takeApproved(String operation) {
        if (delegation == null || delegation.used || !delegation.operation.equals(operation)) {
            return false;
        }
        delegation.used = true;
        return true;
    }

    /** Who acts: the requester of an approved operation being carried out, else the caller. */
    public String actor(String caller) {
        return delegation == null ? caller : delegation.requester;
    }
}
