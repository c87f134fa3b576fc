package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.ResourceException;
import javax.naming.Reference;
import org.junit.jupiter.api.Test;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

class KeyhavenConnectionFactoryTest {

    private final KeyhavenManagedConnectionFactory alice = TestFactories.fake(TestIdentities.alice());
    private final TestConnectionManager manager = new TestConnectionManager();

    private KeyhavenConnectionFactory factory() throws ResourceException {
        return (KeyhavenConnectionFactory) alice.createConnectionFactory(manager);
    }

    @Test
    void connectionsAreAskedOfThePoolForTheFactorysIdentity() throws Exception {
        try (KeyManagerConnection connection = factory().getConnection()) {
            assertThat(connection.random(8)).hasSize(8);
        }

        assertThat(manager.requests).containsExactly(new KeyhavenRequestInfo(
                CredentialsLoader.load(TestIdentities.alice(), TestIdentities.password(), null).fingerprint()));
    }

    @Test
    void keyhavensRefusalKeepsItsReason() throws ResourceException {
        manager.failure = new ResourceException("IJ000453: Unable to get managed connection",
                new ResourceException("no connection to Keyhaven: revoked",
                        new KeyManagerException(Reason.AUTHENTICATION, "the client certificate is revoked")));
        KeyhavenConnectionFactory factory = factory();

        assertThatThrownBy(factory::getConnection)
                .isInstanceOf(KeyManagerException.class)
                .hasMessage("the client certificate is revoked")
                .extracting(e -> ((KeyManagerException) e).reason()).isEqualTo(Reason.AUTHENTICATION);
    }

    @Test
    void anyOtherContainerFailureIsUnavailable() throws ResourceException {
        manager.failure = new ResourceException("IJ000655: No managed connections available within configured "
                + "blocking timeout");
        KeyhavenConnectionFactory factory = factory();

        assertThatThrownBy(factory::getConnection)
                .isInstanceOf(KeyManagerException.class)
                .hasMessageContaining("IJ000655")
                .extracting(e -> ((KeyManagerException) e).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void theFactoryKeepsTheReferenceTheServerBindsItWith() throws ResourceException {
        KeyhavenConnectionFactory factory = factory();
        Reference reference = new Reference(KeyhavenConnectionFactory.class.getName());

        factory.setReference(reference);

        assertThat(factory.getReference()).isSameAs(reference);
    }
}
