package org.keyhaven.client;

import java.util.List;

/**
 * Application clients, managed by crypto officers (read by auditors): their certificates, issued by the internal CA
 * from a CSR or with a generated key, or issued elsewhere by a registered CA; and their grants (default deny).
 */
public interface ClientService {

    /** A new client with a first certificate: from the CSR (PEM) if given, else with a key Keyhaven generates. */
    NewCertificate create(String name, String csrPem);

    /** Another certificate for an existing client (renewal, a second instance). */
    NewCertificate issueCertificate(String clientId, String csrPem);

    /** Registers a certificate issued by an enabled external CA, so it identifies this client. */
    ClientView registerCertificate(String clientId, String certificatePem);

    ClientView revokeCertificate(String clientId, String fingerprint);

    ClientView disable(String clientId);

    ClientView enable(String clientId);

    ClientView setGrants(String clientId, List<GrantSpec> grants);

    ClientView get(String clientId);

    List<ClientView> list(int offset, int limit);
}
