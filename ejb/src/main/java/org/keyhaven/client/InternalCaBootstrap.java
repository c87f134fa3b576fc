package org.keyhaven.client;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Locale;
import java.util.logging.Logger;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.Unsealed;

/** Creates the internal CA at the first start, once Keyhaven is unsealed (its key is wrapped under the master key). */
@Singleton
@Startup
@DependsOn("SealService")
public class InternalCaBootstrap {

    private static final Logger LOG = Logger.getLogger(InternalCaBootstrap.class.getName());

    @EJB
    private CertificateAuthorityServiceBean authorities;

    @Inject
    private MasterKeyHolder keys;

    @PostConstruct
    void ensureInternalCa() {
        if (keys.isSealed()) {
            LOG.warning("Keyhaven is sealed: the internal CA is checked again when it is unsealed");
            return;
        }
        announce(authorities.ensureInternalCa());
    }

    /**
     * A start while sealed leaves the CA for the first unseal. This observer runs before the others (which need the
     * CA: the TLS identity, the KMIP listener).
     */
    public void onUnsealed(@Observes @Priority(Interceptor.Priority.APPLICATION) Unsealed event) {
        announce(authorities.ensureInternalCa());
    }

    /**
     * Applications compare this with the certificate served at /ca.pem before they trust it; written as
     * {@code openssl x509 -noout -fingerprint -sha256} prints it.
     */
    private static void announce(String fingerprint) {
        LOG.info("Keyhaven internal CA certificate SHA-256 fingerprint: "
                + fingerprint.toUpperCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:"));
    }
}
