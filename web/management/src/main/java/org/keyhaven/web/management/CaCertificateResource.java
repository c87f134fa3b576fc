package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.keyhaven.client.CertificateAuthorityService;

/**
 * The internal CA certificate, public: applications trust Keyhaven's TLS certificate by it ({@code curl --cacert}).
 * Outside {@code /api}, so no login is needed; compare its fingerprint out of band before trusting it.
 */
@Path("ca.pem")
public class CaCertificateResource {

    static final String PEM = "application/x-pem-file";
    /** PEM only when asked for by name: a client accepting anything gets JSON where both are offered. */
    static final String PEM_ON_REQUEST = PEM + "; qs=0.5";

    @EJB
    private CertificateAuthorityService cas;

    @GET
    @Produces(PEM)
    public String certificate() {
        return cas.internalCaCertificatePem();
    }
}
