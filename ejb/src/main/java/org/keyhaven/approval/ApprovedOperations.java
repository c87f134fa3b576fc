package org.keyhaven.approval;

import org.keyhaven.client.ClientService;
import org.keyhaven.key.KeyService;

/** The services an approved operation carries itself out through, in the approver's transaction. */
public interface ApprovedOperations {

    KeyService keys();

    ClientService clients();

    /** Starts a master key rotation (re-wrapping continues in the background). */
    void rotateMasterKey();

    void changePolicy(ApprovalPolicy policy);

    /** New custodian shares; they are handed to whoever completed the approval, once. */
    void rekeyUnsealKey(int shares, int threshold);
}
