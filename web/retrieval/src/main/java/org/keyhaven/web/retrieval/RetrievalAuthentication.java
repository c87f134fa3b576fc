package org.keyhaven.web.retrieval;

import jakarta.enterprise.context.ApplicationScoped;
import org.keyhaven.web.ClientCertificateAuthentication;

/** Application clients authenticate to key retrieval with their TLS client certificate. */
@ApplicationScoped
public class RetrievalAuthentication extends ClientCertificateAuthentication {
}
