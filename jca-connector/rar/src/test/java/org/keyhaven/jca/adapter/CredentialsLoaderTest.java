package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsLoaderTest {

    @TempDir
    Path temp;

    @Test
    void theOnlyKeyEntryIsLoadedWithItsChainAndLeafFingerprint() throws Exception {
        ClientCredentials credentials = CredentialsLoader.load(TestIdentities.alice(), TestIdentities.password(), null);

        assertThat(credentials.chain()).hasSize(1);
        assertThat(credentials.chain().get(0).getSubjectX500Principal().getName()).startsWith("CN=alice");
        assertThat(credentials.privateKey().getAlgorithm()).isEqualTo("EC");
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(credentials.chain().get(0).getEncoded()));
        assertThat(credentials.fingerprint()).isEqualTo(expected).hasSize(64).isLowerCase();
    }

    @Test
    void keyAliasPicksOneOfSeveralEntries() throws Exception {
        ClientCredentials second = CredentialsLoader.load(TestIdentities.twoEntries(), TestIdentities.password(),
                "second");
        ClientCredentials first = CredentialsLoader.load(TestIdentities.twoEntries(), TestIdentities.password(),
                "first");

        assertThat(second.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(first.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
    }

    @Test
    void anEd25519IdentityLoads() throws Exception {
        ClientCredentials credentials = CredentialsLoader.load(TestIdentities.ed25519(), TestIdentities.password(),
                null);

        assertThat(ProofOfPossession.algorithm(credentials.privateKey())).isEqualTo("Ed25519");
    }

    @Test
    void severalKeyEntriesWithoutKeyAliasAreRefused() {
        assertThatThrownBy(() -> CredentialsLoader.load(TestIdentities.twoEntries(), TestIdentities.password(), null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("several private key entries (")
                .hasMessageContaining("first")
                .hasMessageContaining("second")
                .hasMessageContaining("set keyAlias")
                .extracting(e -> ((InvalidSettingException) e).property()).isEqualTo("keyAlias");
    }

    @Test
    void anUnknownAliasIsRefusedNamingTheEntriesThere() {
        assertThatThrownBy(() -> CredentialsLoader.load(TestIdentities.alice(), TestIdentities.password(), "carol"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("keyAlias 'carol' is not in keyStoreFile")
                .hasMessageContaining("(its entries: alice)");
    }

    @Test
    void anAliasOfACertificateEntryIsRefused() {
        assertThatThrownBy(() -> CredentialsLoader.load(TestIdentities.certificateOnly(), TestIdentities.password(),
                "ca"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("is a certificate, not a private key entry");
    }

    @Test
    void aStoreWithoutKeyEntryIsRefused() {
        assertThatThrownBy(() -> CredentialsLoader.load(TestIdentities.certificateOnly(), TestIdentities.password(),
                null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("holds no private key entry");
    }

    @Test
    void aWrongPasswordIsReportedAsSuch() {
        assertThatThrownBy(() -> CredentialsLoader.load(TestIdentities.alice(), "not-it".toCharArray(), null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("keyStorePassword does not open keyStoreFile")
                .hasMessageNotContaining("not-it")
                .extracting(e -> ((InvalidSettingException) e).property()).isEqualTo("keyStorePassword");
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertThatThrownBy(() -> CredentialsLoader.load(TestIdentities.alice(), null, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("keyStorePassword is not set");
    }

    @Test
    void aMissingFileIsRefused() {
        Path missing = temp.resolve("missing.p12");

        assertThatThrownBy(() -> CredentialsLoader.load(missing, TestIdentities.password(), null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("keyStoreFile " + missing + " does not exist");
    }

    @Test
    void aFolderIsRefused() {
        assertThatThrownBy(() -> CredentialsLoader.load(temp, TestIdentities.password(), null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("keyStoreFile " + temp + " is not a regular file");
    }

    @Test
    void aFileThatIsNoPkcs12StoreIsRefused() throws IOException {
        Path pem = Files.writeString(temp.resolve("client.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");

        assertThatThrownBy(() -> CredentialsLoader.load(pem, TestIdentities.password(), null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("cannot be read as a PKCS#12 key store");
    }
}
