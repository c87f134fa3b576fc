package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.client.ClientRowProtectionTest.assertIntegrityViolation;
import static org.keyhaven.client.TestClients.T0;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.ca.CertifiedKey;
import org.keyhaven.ca.InternalCaFactory;
import org.keyhaven.ca.Pem;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.TestRings;
import org.keyhaven.testing.Fields;

/**
 * The internal CA's private key wrapped under the master key ring, bound to the CA's id; the rules that keep the
 * internal CA always trusted; external CAs.
 */
class CertificateAuthorityTest {

    private static final String CA_ID = "0c0a0b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c";
    private static final String OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    /** A real internal CA root (EC P-384), made once: its PKCS#8 key is what the entity wraps. */
    private static CertifiedKey root;

    private final MasterKeyRing ring = TestRings.withVersions(1);

    @BeforeAll
    static void createRoot() {
        root = InternalCaFactory.create("test");
    }

    @AfterAll
    static void wipeRoot() {
        root.close();
    }

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    // --- the internal CA and its private key ---

    @Test
    void theInternalCaIsEnabledRequiresClientAuthAndIsCreatedBySystem() {
        CertificateAuthority ca = internal(CA_ID, ring);

        assertThat(ca.id()).isEqualTo(CA_ID);
        assertThat(ca.name()).isEqualTo("internal");
        assertThat(ca.kind()).isEqualTo(CaKind.INTERNAL);
        assertThat(ca.enabled()).isTrue();
        assertThat(ca.requireClientAuthEku()).isTrue();
        assertThat(ca.toView().createdBy()).isEqualTo("system");
        assertThat(ca.toView().createdAt()).isEqualTo(T0);
        assertThat(ca.certificatePem()).isEqualTo(Pem.write(root.certificate()));
        assertThat(ca.fingerprint()).isEqualTo(CertificateFacts.fingerprint(root.certificate()));
    }

    @Test
    void thePrivateKeyIsStoredWrappedNotInTheClear() {
        CertificateAuthority ca = internal(CA_ID, ring);
        byte[] pkcs8 = root.privateKey().copy();

        byte[] stored = (byte[]) Fields.get(ca, "privateKey");

        assertThat(stored).isNotNull();
        assertThat(containsRun(stored, pkcs8, 16)).as("plaintext run of the key in the stored column").isFalse();
        java.util.Arrays.fill(pkcs8, (byte) 0);
    }

    @Test
    void thePrivateKeyUnwrapsToWhatWasWrappedOnceTheRowIsProtected() {
        CertificateAuthority ca = internal(CA_ID, ring);
        ca.protectWith(ring);

        try (SecretBytes unwrapped = ca.unwrapPrivateKey(ring)) {
            assertThat(unwrapped.copy()).isEqualTo(root.privateKey().copy());
        }
    }

    @Test
    void wrappingLeavesTheCallersKeyToTheCaller() {
        try (SecretBytes key = SecretBytes.copyOf(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})) {
            CertificateAuthority.internal(CA_ID, "internal", "pem", "ab".repeat(32), key, ring, T0);

            assertThat(key.isDestroyed()).isFalse();
        }
    }

    /**
     * As implemented, the unwrap uses the row's master key version, which only {@link CertificateAuthority#protectWith}
     * sets (on persist). The key is wrapped under the ring's current version at construction, so both agree only if
     * no rotation came between construction and persist.
     */
    @Test
    void beforeItsRowIsProtectedTheKeyDoesNotUnwrap() {
        CertificateAuthority ca = internal(CA_ID, ring);

        assertThat(ca.mkVersion()).isZero();
        assertIntegrityViolation(() -> ca.unwrapPrivateKey(ring).close());
    }

    @Test
    void theKeyMovedToAnotherCaDoesNotUnwrap() {
        CertificateAuthority ca = internal(CA_ID, ring);
        CertificateAuthority other = internal(OTHER_ID, ring);
        ca.protectWith(ring);
        other.protectWith(ring);

        Fields.set(other, "privateKey", ((byte[]) Fields.get(ca, "privateKey")).clone());

        assertIntegrityViolation(() -> other.unwrapPrivateKey(ring).close());
    }

    @Test
    void aTamperedKeyDoesNotUnwrap() {
        CertificateAuthority ca = internal(CA_ID, ring);
        ca.protectWith(ring);

        ((byte[]) Fields.get(ca, "privateKey"))[30] ^= 0x10;

        assertIntegrityViolation(() -> ca.unwrapPrivateKey(ring).close());
        assertIntegrityViolation(() -> ca.verifyWith(ring));
    }

    @Test
    void aKeyUnderAnotherRingDoesNotUnwrap() {
        CertificateAuthority ca = internal(CA_ID, ring);
        ca.protectWith(ring);
        MasterKeyRing stranger = TestRings.withVersions(1);
        try {
            assertIntegrityViolation(() -> ca.unwrapPrivateKey(stranger).close());
            assertIntegrityViolation(() -> ca.verifyWith(stranger));
        } finally {
            TestRings.seal(stranger);
        }
    }

    @Test
    void anExternalCaHasNoPrivateKey() {
        CertificateAuthority ca = TestClients.externalCa(OTHER_ID, "partner-ca");
        ca.protectWith(ring);

        assertThatThrownBy(() -> ca.unwrapPrivateKey(ring)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
    }

    // --- master key rotation ---

    @Test
    void afterRotationTheOldWrappingStillUnwrapsWhileItsVersionIsKept() {
        CertificateAuthority ca = internal(CA_ID, ring);
        ca.protectWith(ring);
        MasterKeyRing rotated = TestRings.rotated(ring, 2);
        try {
            assertThatCode(() -> ca.verifyWith(rotated)).doesNotThrowAnyException();
            try (SecretBytes key = ca.unwrapPrivateKey(rotated)) {
                assertThat(key.copy()).isEqualTo(root.privateKey().copy());
            }
        } finally {
            TestRings.seal(rotated);
        }
    }

    @Test
    void rewrapMovesKeyAndRowMacToTheCurrentVersionSoTheOldOneCanBeRetired() {
        CertificateAuthority ca = internal(CA_ID, ring);
        ca.protectWith(ring);
        byte[] before = ((byte[]) Fields.get(ca, "privateKey")).clone();
        MasterKeyRing rotated = TestRings.rotated(ring, 2);
        try {
            ca.rewrap(rotated);

            assertThat(ca.mkVersion()).isEqualTo(2);
            assertThat((byte[]) Fields.get(ca, "privateKey")).isNotEqualTo(before);
            assertThatCode(() -> ca.verifyWith(rotated)).doesNotThrowAnyException();

            MasterKeyRing retired = TestRings.retiring(rotated, 1);
            assertThatCode(() -> ca.verifyWith(retired)).doesNotThrowAnyException();
            try (SecretBytes key = ca.unwrapPrivateKey(retired)) {
                assertThat(key.copy()).isEqualTo(root.privateKey().copy());
            }
        } finally {
            TestRings.seal(rotated);
        }
    }

    @Test
    void withoutRewrapRetiringTheOldVersionLosesTheCa() {
        CertificateAuthority ca = internal(CA_ID, ring);
        ca.protectWith(ring);
        MasterKeyRing rotated = TestRings.rotated(ring, 2);
        try {
            MasterKeyRing retired = TestRings.retiring(rotated, 1);

            assertIntegrityViolation(() -> ca.verifyWith(retired));
            assertIntegrityViolation(() -> ca.unwrapPrivateKey(retired).close());
        } finally {
            TestRings.seal(rotated);
        }
    }

    @Test
    void protectingAgainWithoutRewrapBreaksTheUnwrap() {
        // why the internal CA row may change only through rewrap: the row's version names the wrapping key
        CertificateAuthority ca = internal(CA_ID, ring);
        ca.protectWith(ring);
        MasterKeyRing rotated = TestRings.rotated(ring, 2);
        try {
            ca.protectWith(rotated);

            assertThatCode(() -> ca.verifyWith(rotated)).doesNotThrowAnyException();
            assertIntegrityViolation(() -> ca.unwrapPrivateKey(rotated).close());
        } finally {
            TestRings.seal(rotated);
        }
    }

    @Test
    void rewrappingAnExternalCaOnlyProtectsItsRowAgain() {
        CertificateAuthority ca = TestClients.externalCa(OTHER_ID, "partner-ca");
        ca.protectWith(ring);
        MasterKeyRing rotated = TestRings.rotated(ring, 2);
        try {
            ca.rewrap(rotated);

            assertThat(ca.mkVersion()).isEqualTo(2);
            assertThat(Fields.get(ca, "privateKey")).isNull();
            assertThatCode(() -> ca.verifyWith(TestRings.retiring(rotated, 1))).doesNotThrowAnyException();
        } finally {
            TestRings.seal(rotated);
        }
    }

    // --- what may change ---

    @Test
    void theInternalCaCannotBeDisabled() {
        CertificateAuthority ca = internal(CA_ID, ring);

        assertThatThrownBy(() -> ca.setEnabled(false)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.objectId()).isEqualTo(CA_ID);
        });
        assertThat(ca.enabled()).isTrue();
    }

    @Test
    void enablingTheEnabledInternalCaIsHarmless() {
        CertificateAuthority ca = internal(CA_ID, ring);

        ca.setEnabled(true);

        assertThat(ca.enabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theInternalCasClientAuthRuleCannotBeChanged(boolean require) {
        CertificateAuthority ca = internal(CA_ID, ring);

        assertThatThrownBy(() -> ca.setRequireClientAuthEku(require)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.objectId()).isEqualTo(CA_ID);
                });
        assertThat(ca.requireClientAuthEku()).isTrue();
    }

    @Test
    void anExternalCaCanBeDisabledEnabledAndItsClientAuthRuleChanged() {
        CertificateAuthority ca = CertificateAuthority.external(OTHER_ID, "partner-ca", "pem", "ab".repeat(32), false,
                "security-admin", T0);

        assertThat(ca.kind()).isEqualTo(CaKind.EXTERNAL);
        assertThat(ca.enabled()).isTrue();
        assertThat(ca.requireClientAuthEku()).isFalse();

        ca.setEnabled(false);
        assertThat(ca.enabled()).isFalse();
        ca.setEnabled(true);
        assertThat(ca.enabled()).isTrue();
        ca.setRequireClientAuthEku(true);
        assertThat(ca.requireClientAuthEku()).isTrue();
        ca.setRequireClientAuthEku(false);
        assertThat(ca.requireClientAuthEku()).isFalse();
    }

    // --- view ---

    @Test
    void theViewShowsTheCertificateButNeverThePrivateKey() {
        CertificateAuthority ca = internal(CA_ID, ring);

        CaView view = ca.toView();

        assertThat(view).isEqualTo(new CaView(CA_ID, "internal", CaKind.INTERNAL, ca.fingerprint(), true, true, T0,
                "system", Pem.write(root.certificate())));
        assertThat(List.of(CaView.class.getRecordComponents())).extracting(c -> c.getName())
                .doesNotContain("privateKey");
    }

    // --- fixtures ---

    private static CertificateAuthority internal(String id, MasterKeyRing ring) {
        return CertificateAuthority.internal(id, "internal", Pem.write(root.certificate()),
                CertificateFacts.fingerprint(root.certificate()), root.privateKey(), ring, T0);
    }

    private static boolean containsRun(byte[] haystack, byte[] needle, int run) {
        for (int start = 0; start + run <= needle.length; start += run) {
            byte[] piece = java.util.Arrays.copyOfRange(needle, start, start + run);
            for (int i = 0; i + run <= haystack.length; i++) {
                if (java.util.Arrays.equals(haystack, i, i + run, piece, 0, run)) {
                    return true;
                }
            }
        }
        return false;
    }
}
