package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyhavenManagedConnectionFactoryTest {

    private final List<FakeTransport> transports = new ArrayList<>();
    private final KeyhavenManagedConnectionFactory alice = TestFactories.fake(TestIdentities.alice(), null,
            transports);
    private final KeyhavenManagedConnectionFactory bob = TestFactories.fake(TestIdentities.bob(), null, transports);

    // ---------------------------------------------------------------- validation at activation

    @Test
    void aWrongPasswordFailsTheAssociationWithTheAdapter() {
        alice.setKeyStorePassword("wrong-password");

        assertThatThrownBy(() -> alice.setResourceAdapter(new KeyhavenResourceAdapter()))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageStartingWith("Keyhaven connection factory: keyStorePassword does not open keyStoreFile ")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void anUnknownModeFailsTheCreationOfTheConnectionFactory() {
        alice.setMode("cloud");

        assertThatThrownBy(() -> alice.createConnectionFactory(new TestConnectionManager()))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessage("Keyhaven connection factory: mode 'cloud' is unknown: use local (Keyhaven in this "
                        + "server) or remote");
    }

    @Test
    void anUnknownAliasFailsValidation() {
        alice.setKeyAlias("carol");

        assertThatThrownBy(alice::validate)
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("keyAlias 'carol' is not in keyStoreFile");
    }

    @Test
    void aPropertyFixedAfterAFailureIsCheckedAgain() throws Exception {
        alice.setCacheTtlSeconds(-1);
        assertThatThrownBy(alice::validate).hasMessageContaining("cacheTtlSeconds");

        alice.setCacheTtlSeconds(30);
        alice.validate();
    }

    @Test
    void aWellConfiguredFactoryMakesItsConnectionFactory() throws Exception {
        alice.setResourceAdapter(new KeyhavenResourceAdapter());

        assertThat(alice.createConnectionFactory(new TestConnectionManager()))
                .isInstanceOf(KeyhavenConnectionFactory.class);
    }

    @Test
    void thereIsNoUnmanagedConnectionFactory() {
        assertThatThrownBy(() -> alice.createConnectionFactory()).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void transactionSupportIsHonestlyNone() {
        assertThat(alice.getTransactionSupport()).isEqualTo(TransactionSupportLevel.NoTransaction);
    }

    // ---------------------------------------------------------------- equality covers the identity

    @Test
    void factoriesWithTheSameConfigurationAreEqual() {
        KeyhavenManagedConnectionFactory again = TestFactories.configured(TestIdentities.alice(), null);

        assertThat(again).isEqualTo(alice).hasSameHashCodeAs(alice);
    }

    @Test
    void factoriesOfDifferentIdentitiesOrSettingsDiffer() {
        KeyhavenManagedConnectionFactory otherPassword = TestFactories.configured(TestIdentities.alice(), null);
        otherPassword.setKeyStorePassword("other");
        KeyhavenManagedConnectionFactory otherAlias = TestFactories.configured(TestIdentities.alice(), "alice");
        KeyhavenManagedConnectionFactory otherMode = TestFactories.configured(TestIdentities.alice(), null);
        otherMode.setMode("remote");
        KeyhavenManagedConnectionFactory otherCache = TestFactories.configured(TestIdentities.alice(), null);
        otherCache.setCacheTtlSeconds(60);

        assertThat(List.of(bob, otherPassword, otherAlias, otherMode, otherCache)).allSatisfy(
                other -> assertThat(other).isNotEqualTo(alice));
    }

    @Test
    void theFactoryNeverPrintsItsPassword() {
        assertThat(alice.toString()).contains("alice.p12").doesNotContain(TestIdentities.PASSWORD);
    }

    // ---------------------------------------------------------------- matching on identity and request info

    @Test
    void aPooledConnectionIsMatchedForItsOwnIdentity() throws Exception {
        ManagedConnection connection = alice.createManagedConnection(null, alice.requestInfo());

        assertThat(alice.matchManagedConnections(Set.of(connection), null, alice.requestInfo()))
                .isSameAs(connection);
        assertThat(alice.matchManagedConnections(Set.of(connection), null, null)).isSameAs(connection);
    }

    @Test
    void aPooledConnectionOfAnotherIdentityIsNeverHandedOut() throws Exception {
        ManagedConnection ofAlice = alice.createManagedConnection(null, alice.requestInfo());
        ManagedConnection ofBob = bob.createManagedConnection(null, bob.requestInfo());

        assertThat(bob.matchManagedConnections(Set.of(ofAlice), null, bob.requestInfo())).isNull();
        assertThat(bob.matchManagedConnections(Set.of(ofAlice), null, null)).isNull();
        assertThat(bob.matchManagedConnections(Set.of(ofAlice, ofBob), null, bob.requestInfo())).isSameAs(ofBob);
        assertThat(alice.matchManagedConnections(Set.of(ofAlice, ofBob), null, null)).isSameAs(ofAlice);
    }

    @Test
    void aRequestForAnotherIdentityMatchesNothingAndCreatesNothing() throws Exception {
        ManagedConnection ofAlice = alice.createManagedConnection(null, alice.requestInfo());

        assertThat(alice.matchManagedConnections(Set.of(ofAlice), null, bob.requestInfo())).isNull();
        assertThatThrownBy(() -> alice.createManagedConnection(null, bob.requestInfo()))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> ofAlice.getConnection(null, bob.requestInfo()))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void twoEntriesOfOneFileAreTwoIdentities() throws Exception {
        KeyhavenManagedConnectionFactory first = TestFactories.fake(TestIdentities.twoEntries(), "first", transports);
        KeyhavenManagedConnectionFactory second = TestFactories.fake(TestIdentities.twoEntries(), "second",
                transports);
        ManagedConnection ofFirst = first.createManagedConnection(null, null);

        assertThat(second.requestInfo()).isNotEqualTo(first.requestInfo());
        assertThat(second.matchManagedConnections(Set.of(ofFirst), null, null)).isNull();
    }

    @Test
    void anEqualFactoryOfTheSameIdentityMayReuseTheConnection() throws Exception {
        KeyhavenManagedConnectionFactory again = TestFactories.fake(TestIdentities.alice());
        ManagedConnection ofAlice = alice.createManagedConnection(null, null);

        assertThat(again.matchManagedConnections(Set.of(ofAlice), null, again.requestInfo())).isSameAs(ofAlice);
    }

    @Test
    void aBrokenConnectionIsNotMatchedAndIsReportedInvalid() throws Exception {
        ManagedConnection healthy = alice.createManagedConnection(null, null);
        ManagedConnection broken = alice.createManagedConnection(null, null);
        transports.get(1).valid = false;

        assertThat(alice.matchManagedConnections(Set.of(broken), null, null)).isNull();
        assertThat(alice.getInvalidConnections(Set.of(healthy, broken))).containsExactly(broken);
    }
}
