package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.SecurityException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

class KeyhavenConnectionTest {

    private final List<FakeTransport> transports = new ArrayList<>();
    private final KeyhavenManagedConnectionFactory factory = TestFactories.fake(TestIdentities.alice(), null,
            transports);
    private final RecordingListener pool = new RecordingListener();
    private KeyhavenManagedConnection managed;
    private FakeTransport transport;

    @BeforeEach
    void connect() throws Exception {
        managed = (KeyhavenManagedConnection) factory.createManagedConnection(null, factory.requestInfo());
        managed.addConnectionEventListener(pool);
        transport = transports.get(0);
    }

    private KeyManagerConnection handle() throws Exception {
        return (KeyManagerConnection) managed.getConnection(null, factory.requestInfo());
    }

    private static void failsWithConnection(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(KeyManagerException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((KeyManagerException) e).reason()).isEqualTo(Reason.CONNECTION);
    }

    @Test
    void everyOperationGoesThroughTheTransport() throws Exception {
        KeyManagerConnection connection = handle();

        connection.getKey("orders");
        connection.getKey("orders", 2);
        connection.encrypt("orders", new byte[] {1}, null);
        connection.decrypt(new byte[] {1}, null);
        connection.sign("signing", null, new byte[] {1});
        connection.verify("signing", null, new byte[] {1}, new byte[] {2});
        connection.mac("hmac", new byte[] {1});
        connection.verifyMac("hmac", new byte[] {1}, new byte[] {2});
        connection.generateDataKey("orders", 256, null).destroy();
        connection.rewrap(new byte[] {1}, null);
        connection.random(16);

        assertThat(transport.calls).containsExactly("getKey orders null", "getKey orders 2", "encrypt orders",
                "decrypt", "sign signing null", "verify signing null", "mac hmac", "verifyMac hmac null",
                "generateDataKey orders", "rewrap", "random 16");
        assertThat(pool.events).isEmpty();
    }

    @Test
    void signAndMacAnswerTheKeyVersionThatMadeThem() throws Exception {
        KeyManagerConnection connection = handle();

        Signature signature = connection.sign("signing", "Ed25519", new byte[] {1});
        MacValue mac = connection.mac("hmac", new byte[] {1});

        assertThat(signature).isEqualTo(new Signature("id-signing", 2, "Ed25519", new byte[] {9}));
        assertThat(mac).isEqualTo(new MacValue("id-hmac", 2, new byte[] {7}));
        assertThat(transport.calls).containsExactly("sign signing Ed25519", "mac hmac");
    }

    @Test
    void verifyAndVerifyMacPassTheVersionThroughAndWithoutOneAskForTheCurrentVersion() throws Exception {
        KeyManagerConnection connection = handle();

        connection.verify("signing", "Ed25519", new byte[] {1}, new byte[] {9}, 1);
        connection.verify("signing", null, new byte[] {1}, new byte[] {9}, null);
        connection.verify("signing", null, new byte[] {1}, new byte[] {9});
        connection.verifyMac("hmac", new byte[] {1}, new byte[] {7}, 3);
        connection.verifyMac("hmac", new byte[] {1}, new byte[] {7}, null);
        connection.verifyMac("hmac", new byte[] {1}, new byte[] {7});

        assertThat(transport.calls).containsExactly("verify signing 1", "verify signing null", "verify signing null",
                "verifyMac hmac 3", "verifyMac hmac null", "verifyMac hmac null");
    }

    @Test
    void closingAHandleTellsThePoolOnceAndEndsTheHandle() throws Exception {
        KeyManagerConnection connection = handle();

        connection.close();
        connection.close();

        assertThat(pool.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(pool.events.get(0).getConnectionHandle()).isSameAs(connection);
        failsWithConnection(() -> connection.random(1), "the connection is closed");
        assertThat(transport.calls).isEmpty();
    }

    @Test
    void aConnectionFailureTellsThePoolToDiscardTheConnection() throws Exception {
        KeyManagerConnection connection = handle();
        transport.failNext = new KeyManagerException(Reason.CONNECTION, "session expired");

        failsWithConnection(() -> connection.encrypt("orders", new byte[] {1}, null), "session expired");

        assertThat(pool.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(pool.events.get(0).getException()).hasMessage("session expired");
        assertThat(pool.events.get(0).getConnectionHandle()).isSameAs(connection);
        assertThat(managed.isValid()).isFalse();
        failsWithConnection(() -> connection.random(1), "the connection is broken");
    }

    @Test
    void aRefusalIsNoConnectionFailure() throws Exception {
        KeyManagerConnection connection = handle();
        transport.failNext = new KeyManagerException(Reason.NOT_GRANTED, "not granted");

        assertThatThrownBy(() -> connection.getKey("orders"))
                .extracting(e -> ((KeyManagerException) e).reason()).isEqualTo(Reason.NOT_GRANTED);

        assertThat(pool.events).isEmpty();
        assertThat(managed.isValid()).isTrue();
        assertThat(connection.random(4)).hasSize(4);
    }

    @Test
    void aTransportCrashBecomesAConnectionFailure() throws Exception {
        KeyManagerConnection connection = handle();
        transport.crashNext = new RuntimeException("component is stopping");

        failsWithConnection(() -> connection.random(1), "the connection to Keyhaven failed");

        assertThat(pool.ids()).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(managed.isValid()).isFalse();
    }

    @Test
    void cleanupDetachesAHandleTheApplicationDidNotClose() throws Exception {
        KeyManagerConnection leaked = handle();

        managed.cleanup();

        failsWithConnection(() -> leaked.random(1), "handed back to the pool");
        leaked.close();
        assertThat(pool.events).as("a detached handle's close is no news to the pool").isEmpty();
        assertThat(handle().random(2)).hasSize(2);
    }

    @Test
    void destroyEndsHandlesAndTheTransport() throws Exception {
        KeyManagerConnection connection = handle();

        managed.destroy();

        failsWithConnection(() -> connection.random(1), "destroyed");
        assertThat(transport.closed).isTrue();
        assertThat(managed.isValid()).isFalse();
        assertThatThrownBy(() -> managed.getConnection(null, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandleMovedToAnotherConnectionWorksThere() throws Exception {
        KeyManagerConnection connection = handle();
        KeyhavenManagedConnection other = (KeyhavenManagedConnection) factory.createManagedConnection(null, null);
        RecordingListener otherPool = new RecordingListener();
        other.addConnectionEventListener(otherPool);

        other.associateConnection(connection);
        managed.cleanup();
        connection.random(3);
        connection.close();

        assertThat(transport.calls).isEmpty();
        assertThat(transports.get(1).calls).containsExactly("random 3");
        assertThat(otherPool.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(pool.events).isEmpty();
    }

    @Test
    void aHandleNeverMovesToAnotherIdentity() throws Exception {
        KeyManagerConnection connection = handle();
        KeyhavenManagedConnectionFactory bob = TestFactories.fake(TestIdentities.bob());
        KeyhavenManagedConnection ofBob = (KeyhavenManagedConnection) bob.createManagedConnection(null, null);

        assertThatThrownBy(() -> ofBob.associateConnection(connection)).isInstanceOf(SecurityException.class);
        assertThat(connection.random(1)).hasSize(1);
    }

    @Test
    void thereIsNoTransactionToJoin() {
        assertThatThrownBy(managed::getXAResource).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(managed::getLocalTransaction).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void theMetadataNamesTheClient() throws Exception {
        assertThat(managed.getMetaData().getUserName()).startsWith("CN=alice");
        assertThat(managed.getMetaData().getEISProductName()).isEqualTo("Keyhaven");
    }

    @Test
    void withACacheGetKeyAsksKeyhavenOnceAndHandsOutIndependentCopies() throws Exception {
        KeyhavenManagedConnectionFactory cached = TestFactories.fake(TestIdentities.alice(), null, transports);
        cached.setCacheTtlSeconds(60);
        KeyhavenManagedConnection first = (KeyhavenManagedConnection) cached.createManagedConnection(null, null);
        KeyhavenManagedConnection second = (KeyhavenManagedConnection) cached.createManagedConnection(null, null);

        KeyMaterial fetched = ((KeyManagerConnection) first.getConnection(null, null)).getKey("orders");
        fetched.destroy();
        KeyMaterial fromCache = ((KeyManagerConnection) second.getConnection(null, null)).getKey("orders");

        assertThat(transports.get(1).calls).containsExactly("getKey orders null");
        assertThat(transports.get(2).calls).isEmpty();
        assertThat(fromCache.isDestroyed()).isFalse();
        assertThat(fromCache.encoded()).containsExactly(1, 2, 3, 3);
    }

    @Test
    void withoutACacheEveryGetKeyAsksKeyhaven() throws Exception {
        KeyManagerConnection connection = handle();

        connection.getKey("orders");
        connection.getKey("orders");

        assertThat(transport.calls).containsExactly("getKey orders null", "getKey orders null");
    }
}
