package org.keyhaven.web.encryption;

import jakarta.enterprise.context.ApplicationScoped;
import org.keyhaven.web.ClientCertificateAuthentication;

/** Application clients authenticate to the encryption services with their TLS client certificate. */
@ApplicationScoped
public class EncryptionAuthentication extends ClientCertificateAuthentication {
}
