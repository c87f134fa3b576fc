package org.keyhaven.web.encryption;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Encryption services on port 6003: {@code /api/v1/crypto/...} for application clients, {@code /openapi} for anyone. */
@ApplicationPath("/")
public class EncryptionApplication extends Application {
}
