package org.keyhaven.web.management;

import jakarta.enterprise.context.ApplicationScoped;
import org.keyhaven.web.AdminBasicAuthentication;

/** Admin users authenticate to the management API with HTTP Basic over TLS. */
@ApplicationScoped
public class ManagementAuthentication extends AdminBasicAuthentication {
}
