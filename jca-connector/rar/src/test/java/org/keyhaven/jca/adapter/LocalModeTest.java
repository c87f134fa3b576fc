package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import java.nio.file.Path;
import javax.naming.NameNotFoundException;
import org.junit.jupiter.api.Test;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;
import org.keyhaven.jca.spi.LocalGateway;

class LocalModeTest {

    private final FakeGateway gateway = new FakeGateway();

    private KeyhavenManagedConnectionFactory local(Path store, String alias) {
        KeyhavenManagedConnectionFactory factory = TestFactories.configured(store, alias);
        factory.useGatewayLookup(() -> gateway);
        return factory;
    }

    private static KeyManagerConnection handle(KeyhavenManagedConnection managed) throws ResourceException {
        return (KeyManagerConnection) managed.getConnection(null, null);
    }

    @Test
    void aSessionIsOpenedWithProofOfPossessionAndCallsRunAsTheClient() throws Exception {
        KeyhavenManagedConnectionFactory factory = local(TestIdentities.alice(), null);

        KeyhavenManagedConnection managed = (KeyhavenManagedConnection) factory.createManagedConnection(null, null);
        handle(managed).encrypt("orders", new byte[] {1}, null);

        assertThat(gateway.openSessions).hasSize(1);
        assertThat(gateway.calls).singleElement().asString().startsWith("CN=alice").endsWith(": encrypt orders");
    }

    @Test
    void aSignatureMadeBeforeARotationVerifiesWithTheVersionItNames() throws Exception {
        KeyManagerConnection connection = handle(
                (KeyhavenManagedConnection) local(TestIdentities.alice(), null).createManagedConnection(null, null));
        byte[] message = {1, 2, 3};

        Signature signature = connection.sign("signing", null, message);
        gateway.rotate("id-signing", "signing");

        assertThat(signature.keyId()).isEqualTo("id-signing");
        assertThat(signature.version()).isEqualTo(1);
        assertThat(signature.algorithm()).isEqualTo("ECDSA-SHA256");
        assertThat(connection.verify("signing", signature.algorithm(), message, signature.bytes())).isFalse();
        assertThat(connection.verify("signing", signature.algorithm(), message, signature.bytes(),
                signature.version())).isTrue();
        assertThat(gateway.calls).map(c -> c.substring(c.indexOf(": ") + 2))
                .containsExactly("sign signing", "verify signing null", "verify signing 1");
    }

    @Test
    void aMacMadeBeforeARotationVerifiesWithTheVersionItNames() throws Exception {
        KeyManagerConnection connection = handle(
                (KeyhavenManagedConnection) local(TestIdentities.alice(), null).createManagedConnection(null, null));
        byte[] message = {1, 2, 3};

        MacValue mac = connection.mac("hmac", message);
        gateway.rotate("id-hmac", "hmac");

        assertThat(mac.keyId()).isEqualTo("id-hmac");
        assertThat(mac.version()).isEqualTo(1);
        assertThat(connection.verifyMac("hmac", message, mac.bytes())).isFalse();
        assertThat(connection.verifyMac("hmac", message, mac.bytes(), mac.version())).isTrue();
        assertThat(gateway.calls).map(c -> c.substring(c.indexOf(": ") + 2))
                .containsExactly("mac hmac", "verifyMac hmac null", "verifyMac hmac 1");
    }

    @Test
    void rsaAndEd25519ClientsProveTheirKeysToo() throws Exception {
        local(TestIdentities.twoEntries(), "second").createManagedConnection(null, null);
        local(TestIdentities.ed25519(), null).createManagedConnection(null, null);

        assertThat(gateway.subjects.values()).anySatisfy(s -> assertThat(s).startsWith("CN=second"))
                .anySatisfy(s -> assertThat(s).startsWith("CN=ed"));
    }

    @Test
    void destroyingTheConnectionClosesTheSession() throws Exception {
        KeyhavenManagedConnection managed = (KeyhavenManagedConnection) local(TestIdentities.alice(), null)
                .createManagedConnection(null, null);

        managed.destroy();

        assertThat(gateway.openSessions).isEmpty();
        assertThat(gateway.closedSessions).hasSize(1);
    }

    @Test
    void aSessionKeyhavenNoLongerKnowsIsOpenedAgainWithAFreshProofAndTheCallGoesThrough() throws Exception {
        KeyhavenManagedConnection managed = (KeyhavenManagedConnection) local(TestIdentities.alice(), null)
                .createManagedConnection(null, null);
        RecordingListener pool = new RecordingListener();
        managed.addConnectionEventListener(pool);
        gateway.openSessions.clear();

        assertThat(handle(managed).random(1)).hasSize(1);

        assertThat(gateway.openSessions).hasSize(1);
        assertThat(pool.ids()).isEmpty();
        assertThat(managed.isValid()).isTrue();
    }

    @Test
    void aSessionThatCannotBeOpenedAgainBreaksTheConnection() throws Exception {
        KeyhavenManagedConnection managed = (KeyhavenManagedConnection) local(TestIdentities.alice(), null)
                .createManagedConnection(null, null);
        RecordingListener pool = new RecordingListener();
        managed.addConnectionEventListener(pool);
        gateway.openSessions.clear();
        gateway.refuseOpen = true;

        assertThatThrownBy(() -> handle(managed).random(1)).isInstanceOf(KeyManagerException.class);

        assertThat(pool.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(managed.isValid()).isFalse();
    }

    @Test
    void withoutTheGatewayNoConnectionIsMade() {
        KeyhavenManagedConnectionFactory factory = TestFactories.configured(TestIdentities.alice(), null);
        factory.useGatewayLookup(() -> {
            throw new NameNotFoundException("keyhaven");
        });

        assertThatThrownBy(() -> factory.createManagedConnection(null, null))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("local gateway is not bound at " + LocalGateway.JNDI_NAME);
    }

    @Test
    void aKeyChangeDropsTheCachedKeyAtOnce() throws Exception {
        KeyhavenManagedConnectionFactory factory = local(TestIdentities.alice(), null);
        factory.setCacheTtlSeconds(3600);
        KeyManagerConnection connection = handle(
                (KeyhavenManagedConnection) factory.createManagedConnection(null, null));

        assertThat(connection.getKey("orders").version()).isEqualTo(1);
        assertThat(connection.getKey("orders").version()).isEqualTo(1);
        gateway.rotate("id-orders", "orders");

        assertThat(connection.getKey("orders").version()).isEqualTo(2);
        assertThat(gateway.calls).filteredOn(c -> c.endsWith("getKey orders")).hasSize(2);
    }

    @Test
    void theFactorySubscribesOnceAndUnsubscribesWhenTheAdapterStops() throws Exception {
        KeyhavenResourceAdapter adapter = new KeyhavenResourceAdapter();
        KeyhavenManagedConnectionFactory factory = local(TestIdentities.alice(), null);
        factory.setCacheTtlSeconds(3600);
        factory.setResourceAdapter(adapter);
        KeyManagerConnection connection = handle(
                (KeyhavenManagedConnection) factory.createManagedConnection(null, null));
        factory.createManagedConnection(null, null);
        connection.getKey("orders");
        assertThat(gateway.listeners).hasSize(1);

        adapter.stop();

        assertThat(gateway.listeners).isEmpty();
        connection.getKey("orders");
        assertThat(gateway.calls).as("the cache was emptied").filteredOn(c -> c.endsWith("getKey orders"))
                .hasSize(2);
    }

    @Test
    void withoutACacheNothingSubscribes() throws Exception {
        local(TestIdentities.alice(), null).createManagedConnection(null, null);

        assertThat(gateway.listeners).isEmpty();
    }
}
