package org.keyhaven.key;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.key.ManagedKeyTest.T0;
import static org.keyhaven.testing.Refusals.withCode;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.TestRings;
import org.keyhaven.testing.JdkKeyPairs;

/** Key pairs generated as two keys, and private and public keys a client brings, with a real master key ring. */
class NewKeyPairsTest {

    private static final KeySpec P_256 = KeySpec.of(KeyAlgorithm.EC, null, "P-256");
    private static final KeySpec RSA_2048 = KeySpec.of(KeyAlgorithm.RSA, 2048, null);
    private static final Set<KeyUsage> SIGN = EnumSet.of(KeyUsage.SIGN);
    private static final Set<KeyUsage> VERIFY = EnumSet.of(KeyUsage.VERIFY);

    private final MasterKeyRing ring = TestRings.withVersions(1);

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    @Test
    void aGeneratedPairIsTwoKeysOfOneSpecSharingOnePublicKey() {
        NewKeys.KeyPair pair = NewKeys.generatePair(ring, definition("signer", P_256, SIGN),
                definition("signer-pub", P_256, VERIFY), "client:app", T0, true, true);
        ManagedKey privateKey = pair.privateKey();
        ManagedKey publicKey = pair.publicKey();

        assertThat(privateKey.id()).isNotEqualTo(publicKey.id());
        assertThat(privateKey.spec()).isEqualTo(publicKey.spec()).isEqualTo(P_256);
        assertThat(privateKey.publicOnly()).isFalse();
        assertThat(publicKey.publicOnly()).isTrue();
        assertThat(privateKey.name()).isEqualTo("signer");
        assertThat(publicKey.name()).isEqualTo("signer-pub");
        byte[] spki = privateKey.version(1).publicKey();
        assertThat(spki).isNotNull();
        assertThat(publicKey.version(1).publicKey()).isEqualTo(spki);
        try (SecretBytes material = publicKey.version(1).unwrap(ring)) {
            assertThat(material.copy()).isEqualTo(spki);
        }
    }

    @Test
    void thePrivateKeyOfAGeneratedPairSignsWhatItsPublicKeyVerifies() throws GeneralSecurityException {
        NewKeys.KeyPair pair = NewKeys.generatePair(ring, definition("signer", P_256, SIGN),
                definition("signer-pub", P_256, VERIFY), "client:app", T0, true, true);
        byte[] message = "pair".getBytes(UTF_8);

        Signature signer = Signature.getInstance("SHA256withECDSA", "SunEC");
        try (SecretBytes pkcs8 = pair.privateKey().version(1).unwrap(ring)) {
            signer.initSign(KeyFactory.getInstance("EC", "SunEC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8.copy())));
        }
        signer.update(message);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        verifier.initVerify(jdkPublic("EC", pair.publicKey()));
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void eachHalfOfAPairIsActivatedOnlyWhenAsked() {
        NewKeys.KeyPair pair = NewKeys.generatePair(ring, definition("signer", P_256, SIGN),
                definition("signer-pub", P_256, VERIFY), "client:app", T0, false, true);

        assertThat(pair.privateKey().state()).isEqualTo(KeyState.PRE_ACTIVE);
        assertThat(pair.publicKey().state()).isEqualTo(KeyState.ACTIVE);
    }

    @Test
    void theRowsOfAGeneratedPairProtectAndVerify() {
        NewKeys.KeyPair pair = NewKeys.generatePair(ring, definition("signer", P_256, SIGN),
                definition("signer-pub", P_256, VERIFY), "client:app", T0, true, true);

        for (ManagedKey key : new ManagedKey[] {pair.privateKey(), pair.publicKey()}) {
            key.protectWith(ring);
            key.versions().forEach(version -> version.protectWith(ring));
            assertThatCode(() -> {
                key.verifyWith(ring);
                key.versions().forEach(version -> version.verifyWith(ring));
            }).doesNotThrowAnyException();
        }
    }

    @Test
    void aPairOfTwoSpecsIsRefused() {
        KeySpec p384 = KeySpec.of(KeyAlgorithm.EC, null, "P-384");

        assertThatThrownBy(() -> NewKeys.generatePair(ring, definition("signer", P_256, SIGN),
                definition("signer-pub", p384, VERIFY), "client:app", T0, true, true))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aPairWhosePublicKeyAsksToSignIsRefused() {
        assertThatThrownBy(() -> NewKeys.generatePair(ring, definition("signer", P_256, SIGN),
                definition("signer-pub", P_256, EnumSet.of(KeyUsage.SIGN, KeyUsage.VERIFY)), "client:app", T0, true,
                true)).isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_USAGE));
    }

    @Test
    void anImportedPrivateKeyIsStoredAsGivenWithItsPublicKeyDerived() {
        KeyPair jdk = JdkKeyPairs.rsa(2048);
        SecretBytes pkcs8 = SecretBytes.copyOf(jdk.getPrivate().getEncoded());

        ManagedKey key = NewKeys.importedPrivateKey(ring, definition("imported", RSA_2048, SIGN), pkcs8,
                "client:app", T0, true);

        assertThat(key.publicOnly()).isFalse();
        assertThat(key.spec()).isEqualTo(RSA_2048);
        assertThat(key.state()).isEqualTo(KeyState.ACTIVE);
        assertThat(key.version(1).publicKey()).isEqualTo(jdk.getPublic().getEncoded());
        try (SecretBytes stored = key.version(1).unwrap(ring)) {
            assertThat(stored.copy()).isEqualTo(jdk.getPrivate().getEncoded());
        }
        assertThat(pkcs8.isDestroyed()).as("the caller's copy is only lent").isFalse();
    }

    @Test
    void anImportedPrivateKeyOfAnotherSizeOrCurveThanItsDefinitionIsRefused() {
        byte[] rsa2048 = JdkKeyPairs.rsa(2048).getPrivate().getEncoded();
        byte[] p256 = JdkKeyPairs.ec("secp256r1").getPrivate().getEncoded();
        KeySpec rsa3072 = KeySpec.of(KeyAlgorithm.RSA, 3072, null);
        KeySpec p384 = KeySpec.of(KeyAlgorithm.EC, null, "P-384");

        assertThatThrownBy(() -> NewKeys.importedPrivateKey(ring, definition("imported", rsa3072, SIGN),
                SecretBytes.copyOf(rsa2048), "client:app", T0, true))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_KEY_LENGTH));
        assertThatThrownBy(() -> NewKeys.importedPrivateKey(ring, definition("imported", p384, SIGN),
                SecretBytes.copyOf(p256), "client:app", T0, true))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_KEY_LENGTH));
    }

    @Test
    void anImportedRsaPublicKeyIsAPublicKeyObjectHoldingIt() throws GeneralSecurityException {
        byte[] spki = JdkKeyPairs.rsa(2048).getPublic().getEncoded();

        ManagedKey key = NewKeys.importedPublicKey(ring, definition("partner", RSA_2048,
                EnumSet.of(KeyUsage.VERIFY, KeyUsage.ENCRYPT)), spki, "client:app", T0, false);

        assertThat(key.publicOnly()).isTrue();
        assertThat(key.spec()).isEqualTo(RSA_2048);
        assertThat(key.state()).isEqualTo(KeyState.PRE_ACTIVE);
        assertThat(key.version(1).publicKey()).isEqualTo(spki);
        assertThat(jdkPublic("RSA", key)).isEqualTo(JdkKeyPairs.rsa(2048).getPublic());
    }

    @Test
    void anImportedPublicKeyOfAnotherSizeThanItsDefinitionIsRefused() {
        byte[] spki = JdkKeyPairs.rsa(2048).getPublic().getEncoded();
        KeySpec rsa4096 = KeySpec.of(KeyAlgorithm.RSA, 4096, null);

        assertThatThrownBy(() -> NewKeys.importedPublicKey(ring, definition("partner", rsa4096, VERIFY), spki,
                "client:app", T0, false))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_KEY_LENGTH));
    }

    @Test
    void anImportedPublicKeyMayNotDecrypt() {
        byte[] spki = JdkKeyPairs.rsa(2048).getPublic().getEncoded();

        assertThatThrownBy(() -> NewKeys.importedPublicKey(ring, definition("partner", RSA_2048,
                EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT)), spki, "client:app", T0, false))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_USAGE));
    }

    private static KeyDefinition definition(String name, KeySpec spec, Set<KeyUsage> usages) {
        return new KeyDefinition(name, spec, usages, false, null, null, null, null);
    }

    /** The public key object's material, unwrapped, read by the JDK. */
    private PublicKey jdkPublic(String algorithm, ManagedKey publicKey) throws GeneralSecurityException {
        try (SecretBytes spki = publicKey.version(1).unwrap(ring)) {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki.copy()));
        }
    }
}
