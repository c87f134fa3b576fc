package org.keyhaven.approval;

import java.util.Locale;
import org.keyhaven.access.Role;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * The management operations the dual-control policy covers, each with the role its approvers must hold: the role
 * that performs it (crypto officers approve key, client and master key operations; security administrators approve
 * a change of the policy itself).
 */
public enum ApprovalKind {
    KEY_CREATE(Role.CRYPTO_OFFICER),
    KEY_ACTIVATE(Role.CRYPTO_OFFICER),
    KEY_ROTATE(Role.CRYPTO_OFFICER),
    KEY_DEACTIVATE(Role.CRYPTO_OFFICER),
    KEY_REVOKE(Role.CRYPTO_OFFICER),
    KEY_DESTROY(Role.CRYPTO_OFFICER),
    /** policy and attribute changes of a key */
    KEY_POLICY(Role.CRYPTO_OFFICER),
    CLIENT_CREATE(Role.CRYPTO_OFFICER),
    CLIENT_CERTIFICATE_ISSUE(Role.CRYPTO_OFFICER),
    CLIENT_CERTIFICATE_REVOKE(Role.CRYPTO_OFFICER),
    /** enabling and disabling a client */
    CLIENT_STATUS(Role.CRYPTO_OFFICER),
    CLIENT_GRANTS(Role.CRYPTO_OFFICER),
    MASTER_KEY_ROTATE(Role.CRYPTO_OFFICER),
    /** new custodian shares of the unseal key */
    SEAL_REKEY(Role.SECURITY_ADMIN),
    APPROVAL_POLICY(Role.SECURITY_ADMIN);

    private final Role approverRole;

    ApprovalKind(Role approverRole) {
        this.approverRole = approverRole;
    }

    /** The role every approver of this operation holds. */
    public Role approverRole() {
        return approverRole;
    }

    /** Case-insensitive; accepts {@code -} and {@code .} for {@code _}. */
    public static ApprovalKind parse(String text) {
        if (text != null) {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
            for (ApprovalKind kind : values()) {
                if (kind.name().equals(wanted)) {
                    return kind;
                }
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "unknown operation '" + Texts.printable(text, 40)
                + "' in the dual-control policy");
    }
}
