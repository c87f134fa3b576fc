package org.keyhaven.client;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.util.List;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.ProtectedRow;
import org.keyhaven.seal.RewrapParticipant;
import org.keyhaven.seal.RowRewrap;

/**
 * Master key rotation for application access: re-wraps CA private keys and re-MACs CA, client, certificate and grant
 * rows, batch by batch, so that retiring the old master key version leaves every row readable.
 */
@Stateless
@PermitAll
// the interface named again: only interfaces of the bean class itself are its business interfaces (EJB 3.2, 4.9.7)
public class ClientRewrap extends RowRewrap implements RewrapParticipant {

    @Override
    protected List<Class<? extends ProtectedRow>> rows() {
        return List.of(CertificateAuthority.class, Client.class, ClientCertificate.class, Grant.class);
    }

    @Override
    protected void rewrap(ProtectedRow row, MasterKeyRing ring) {
        if (row instanceof CertificateAuthority ca) {
            ca.rewrap(ring);
        } else {
            super.rewrap(row, ring);
        }
    }
}
