package org.keyhaven.it.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.ResourceAdapters;
import org.keyhaven.it.support.Suite;

/**
 * A connection factory whose configuration cannot work is refused when the operator activates it: nothing is bound,
 * and the server log says which property is wrong and why (the management answer itself is the container's generic
 * "failed to start"). Its own class, because a failed activation restarts the adapter's other factories.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JcaMisconfigurationIT {

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void aFactoryWithAMissingKeyStoreIsNotActivatedAndTheLogNamesTheProperty() throws IOException {
        String missing = Suite.runDir().resolve("jca/no-such-file.p12").toString();
        ResourceAdapters bad = new ResourceAdapters(management.getControllerClient(), "keyhaven-jca-misconfigured");
        bad.remove();
        try {
            bad.add();
            bad.connectionDefinition("bad", "java:/eis/keyhaven/it-misconfigured",
                    Map.of("keyStoreFile", missing, "keyStorePassword", "irrelevant"));

            assertThatThrownBy(bad::activate).hasMessageContaining("Failed to start RA deployment");

            assertThat(Files.readString(Suite.serverLog())).contains("Keyhaven connection factory: keyStoreFile "
                    + missing + " does not exist");
        } finally {
            bad.remove();
        }
    }
}
