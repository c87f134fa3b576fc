package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorSettingsTest {

    @TempDir
    Path temp;

    private final KeyhavenManagedConnectionFactory factory = new KeyhavenManagedConnectionFactory();

    private void configure() {
        factory.setKeyStoreFile("/opt/keyhaven/clients/orders.p12");
    }

    private InvalidSettingException refusal() {
        return catchThrowableOfType(InvalidSettingException.class, () -> ConnectorSettings.of(factory));
    }

    @Test
    void theDefaultsAreLocalModeWithoutCache() throws Exception {
        configure();

        ConnectorSettings settings = ConnectorSettings.of(factory);

        assertThat(settings.mode()).isEqualTo(ConnectorSettings.Mode.LOCAL);
        assertThat(settings.keyStoreFile()).isEqualTo(Path.of("/opt/keyhaven/clients/orders.p12"));
        assertThat(settings.keyAlias()).isNull();
        assertThat(settings.cacheTtlSeconds()).isZero();
        assertThat(settings.cacheMaxEntries()).isEqualTo(1000);
        assertThat(settings.cacheEnabled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"local,LOCAL", "LOCAL,LOCAL", "' Local ',LOCAL"})
    void theModeIsReadWithoutRegardToCase(String value, ConnectorSettings.Mode expected) throws Exception {
        configure();
        factory.setMode(value);

        assertThat(ConnectorSettings.of(factory).mode()).isEqualTo(expected);
    }

    @Test
    void anUnknownModeIsRefused() {
        configure();
        factory.setMode("ldap");

        InvalidSettingException refusal = refusal();

        assertThat(refusal.property()).isEqualTo("mode");
        assertThat(refusal).hasMessage("mode 'ldap' is unknown: use local (Keyhaven in this server) or remote");
    }

    @Test
    void aMissingKeyStoreFileIsRefused() {
        InvalidSettingException refusal = refusal();

        assertThat(refusal.property()).isEqualTo("keyStoreFile");
        assertThat(refusal).hasMessageStartingWith("keyStoreFile is not set");
    }

    @Test
    void aRelativeKeyStoreFileIsRefused() {
        factory.setKeyStoreFile("clients/orders.p12");

        assertThat(refusal()).hasMessageContaining("keyStoreFile clients/orders.p12 is not an absolute path");
    }

    @ParameterizedTest
    @CsvSource({"-1,1000,'cacheTtlSeconds must be 0 (no cache) or a number of seconds, not -1'",
        "60,-5,'cacheMaxEntries must be 0 (no cache) or a number of keys, not -5'"})
    void negativeCacheValuesAreRefused(int ttl, int max, String message) {
        configure();
        factory.setCacheTtlSeconds(ttl);
        factory.setCacheMaxEntries(max);

        assertThat(refusal()).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"0,1000,false", "60,0,false", "60,10,true"})
    void theCacheIsOnOnlyWithALifetimeAndRoom(int ttl, int max, boolean enabled) throws Exception {
        configure();
        factory.setCacheTtlSeconds(ttl);
        factory.setCacheMaxEntries(max);

        assertThat(ConnectorSettings.of(factory).cacheEnabled()).isEqualTo(enabled);
    }

    @Test
    void remoteModeWithoutServersIsRefused() {
        configure();
        factory.setMode("remote");

        InvalidSettingException refusal = refusal();

        assertThat(refusal.property()).isEqualTo("servers");
        assertThat(refusal).hasMessageStartingWith("mode remote needs servers");
    }

    @Test
    void remoteModeWithAMissingCaFileIsRefused() {
        configure();
        factory.setMode("remote");
        factory.setServers("kh1.example.org:6000:6003");
        factory.setServerCaFile(temp.resolve("ca.pem").toString());

        assertThat(refusal()).hasMessage("serverCaFile " + temp.resolve("ca.pem") + " does not exist");
    }

    @Test
    void remoteModeRefusesAServerListItCannotRead() throws IOException {
        configure();
        factory.setMode("remote");
        factory.setServers("kh1.example.org");
        factory.setServerCaFile(Files.writeString(temp.resolve("ca.pem"), "PEM").toString());

        InvalidSettingException refusal = refusal();

        assertThat(refusal.property()).isEqualTo("servers");
        assertThat(refusal.getMessage()).contains("kh1.example.org");
    }

    @Test
    void aCompleteRemoteConfigurationPasses() throws Exception {
        configure();
        factory.setMode("remote");
        factory.setServers("kh1.example.org:6000:6003,kh2.example.org:6000:6003");
        factory.setServerCaFile(Files.writeString(temp.resolve("ca.pem"), "PEM").toString());

        assertThat(ConnectorSettings.of(factory).mode()).isEqualTo(ConnectorSettings.Mode.REMOTE);
    }
}
