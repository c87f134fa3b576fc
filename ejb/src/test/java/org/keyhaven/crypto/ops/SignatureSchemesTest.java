package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.JdkKeyPairs.pkcs8;
import static org.keyhaven.testing.Refusals.withCode;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;
import org.keyhaven.testing.JdkKeyPairs;

/**
 * Signature schemes of any parameters, as KMIP clients compose them, cross-checked with the JDK's providers
 * (SunRsaSign, SunEC) configured here from the standards' names.
 */
class SignatureSchemesTest {

    private static final byte[] MESSAGE = "sign me, KMIP".getBytes(UTF_8);
    private static final KeySpec RSA_2048 = KeySpec.of(KeyAlgorithm.RSA, 2048, null);
    private static final KeySpec P_384 = KeySpec.of(KeyAlgorithm.EC, null, "P-384");

    @ParameterizedTest(name = "{0} salt {1}")
    @CsvSource({"SHA256, 32", "SHA256, 222", "SHA256, 0", "SHA384, 48", "SHA512, 190"})
    void theJdkVerifiesPssSignaturesWithTheSameSaltLength(Hash hash, int salt) throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);

        byte[] signature = Signatures.sign(SignatureScheme.rsaPss(hash, salt), RSA_2048, pkcs8(rsa), MESSAGE);

        assertThat(jdkVerifies(jdkPss(hash, salt), rsa, signature)).isTrue();
    }

    @ParameterizedTest(name = "{0} salt {1}")
    @CsvSource({"SHA256, 32", "SHA256, 222", "SHA256, 0", "SHA384, 48", "SHA512, 190"})
    void pssSignaturesOfTheJdkVerifyWithTheSameSaltLength(Hash hash, int salt) throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);

        byte[] signature = jdkSign(jdkPss(hash, salt), rsa);

        assertThat(Signatures.verify(SignatureScheme.rsaPss(hash, salt), RSA_2048, rsa.getPublic().getEncoded(),
                MESSAGE, signature)).isTrue();
    }

    @Test
    void aPssSignatureDoesNotVerifyUnderAnotherSaltLength() throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        byte[] spki = rsa.getPublic().getEncoded();
        byte[] salt32 = Signatures.sign(SignatureScheme.rsaPss(Hash.SHA256, 32), RSA_2048, pkcs8(rsa), MESSAGE);
        byte[] salt222 = Signatures.sign(SignatureScheme.rsaPss(Hash.SHA256, 222), RSA_2048, pkcs8(rsa), MESSAGE);

        assertThat(Signatures.verify(SignatureScheme.rsaPss(Hash.SHA256, 222), RSA_2048, spki, MESSAGE, salt32))
                .isFalse();
        assertThat(Signatures.verify(SignatureScheme.rsaPss(Hash.SHA256, 32), RSA_2048, spki, MESSAGE, salt222))
                .isFalse();
        assertThat(jdkVerifies(jdkPss(Hash.SHA256, 222), rsa, salt32)).as("the JDK agrees").isFalse();
    }

    @Test
    void aPssSignatureDoesNotVerifyUnderAnotherHash() {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        byte[] signature = Signatures.sign(SignatureScheme.rsaPss(Hash.SHA256, 32), RSA_2048, pkcs8(rsa), MESSAGE);

        assertThat(Signatures.verify(SignatureScheme.rsaPss(Hash.SHA384, 32), RSA_2048,
                rsa.getPublic().getEncoded(), MESSAGE, signature)).isFalse();
    }

    @Test
    void sha1SchemesAreRefusedForSigning() {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        KeyPair ec = JdkKeyPairs.ec("secp384r1");

        for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.rsaPkcs1(Hash.SHA1),
                SignatureScheme.rsaPss(Hash.SHA1, 20)}) {
            assertThatThrownBy(() -> Signatures.sign(scheme, RSA_2048, pkcs8(rsa), MESSAGE))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        }
        assertThatThrownBy(() -> Signatures.sign(SignatureScheme.ecdsa(Hash.SHA1), P_384, pkcs8(ec), MESSAGE))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void sha1SignaturesOfTheJdkStillVerify() throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        KeyPair ec = JdkKeyPairs.ec("secp384r1");

        byte[] pkcs1 = jdkSign(Signature.getInstance("SHA1withRSA", "SunRsaSign"), rsa);
        byte[] pss = jdkSign(jdkPss(Hash.SHA1, 20), rsa);
        byte[] ecdsa = jdkSign(Signature.getInstance("SHA1withECDSA", "SunEC"), ec);

        assertThat(Signatures.verify(SignatureScheme.rsaPkcs1(Hash.SHA1), RSA_2048, rsa.getPublic().getEncoded(),
                MESSAGE, pkcs1)).isTrue();
        assertThat(Signatures.verify(SignatureScheme.rsaPss(Hash.SHA1, 20), RSA_2048, rsa.getPublic().getEncoded(),
                MESSAGE, pss)).isTrue();
        assertThat(Signatures.verify(SignatureScheme.ecdsa(Hash.SHA1), P_384, ec.getPublic().getEncoded(), MESSAGE,
                ecdsa)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHA224, SHA224withRSA", "SHA256, SHA256withRSA", "SHA512, SHA512withRSA"})
    void pkcs1SignaturesInteroperateWithTheJdkBothWays(Hash hash, String jdkName) throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        SignatureScheme scheme = SignatureScheme.rsaPkcs1(hash);

        byte[] ours = Signatures.sign(scheme, RSA_2048, pkcs8(rsa), MESSAGE);
        byte[] theirs = jdkSign(Signature.getInstance(jdkName, "SunRsaSign"), rsa);

        assertThat(jdkVerifies(Signature.getInstance(jdkName, "SunRsaSign"), rsa, ours)).isTrue();
        assertThat(Signatures.verify(scheme, RSA_2048, rsa.getPublic().getEncoded(), MESSAGE, theirs)).isTrue();
        assertThat(ours).as("PKCS#1 v1.5 is deterministic").isEqualTo(theirs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHA224, SHA224withECDSA", "SHA256, SHA256withECDSA", "SHA512, SHA512withECDSA"})
    void ecdsaWithAnyHashOnP384InteroperatesWithTheJdkBothWays(Hash hash, String jdkName)
            throws GeneralSecurityException {
        KeyPair ec = JdkKeyPairs.ec("secp384r1");
        SignatureScheme scheme = SignatureScheme.ecdsa(hash);

        byte[] ours = Signatures.sign(scheme, P_384, pkcs8(ec), MESSAGE);
        byte[] theirs = jdkSign(Signature.getInstance(jdkName, "SunEC"), ec);

        assertThat(jdkVerifies(Signature.getInstance(jdkName, "SunEC"), ec, ours)).isTrue();
        assertThat(Signatures.verify(scheme, P_384, ec.getPublic().getEncoded(), MESSAGE, theirs)).isTrue();
    }

    @Test
    void ed25519InteroperatesWithTheJdkBothWays() throws GeneralSecurityException {
        KeyPair ed = JdkKeyPairs.ed25519();
        KeySpec spec = KeySpec.of(KeyAlgorithm.ED25519, null, null);

        byte[] ours = Signatures.sign(SignatureScheme.ed25519(), spec, pkcs8(ed), MESSAGE);
        byte[] theirs = jdkSign(Signature.getInstance("Ed25519", "SunEC"), ed);

        assertThat(ours).as("Ed25519 is deterministic").isEqualTo(theirs);
        assertThat(Signatures.verify(SignatureScheme.ed25519(), spec, ed.getPublic().getEncoded(), MESSAGE, theirs))
                .isTrue();
    }

    @Test
    void aSchemeForAnotherKeyAlgorithmIsRefused() {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        KeyPair ec = JdkKeyPairs.ec("secp384r1");
        byte[] anySignature = new byte[256];

        assertThatThrownBy(() -> Signatures.sign(SignatureScheme.ecdsa(Hash.SHA256), RSA_2048, pkcs8(rsa), MESSAGE))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> Signatures.verify(SignatureScheme.ecdsa(Hash.SHA256), RSA_2048,
                rsa.getPublic().getEncoded(), MESSAGE, anySignature))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> Signatures.sign(SignatureScheme.rsaPss(Hash.SHA256, 32), P_384, pkcs8(ec), MESSAGE))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> Signatures.verify(SignatureScheme.ed25519(), P_384, ec.getPublic().getEncoded(),
                MESSAGE, anySignature))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aNegativeSaltLengthIsRefused() {
        assertThatThrownBy(() -> SignatureScheme.rsaPss(Hash.SHA256, -1))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aSaltTooLongForTheKeyIsTheCallersMistake() {
        // RSA-2048 with SHA-256 has room for at most 256 - 32 - 2 = 222 bytes of salt (RFC 8017 section 9.1.1)
        KeyPair rsa = JdkKeyPairs.rsa(2048);

        assertThatThrownBy(() -> Signatures.sign(SignatureScheme.rsaPss(Hash.SHA256, 223), RSA_2048, pkcs8(rsa),
                MESSAGE)).isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void onlySha1SchemesAreLegacy() {
        assertThat(SignatureScheme.rsaPkcs1(Hash.SHA1).legacy()).isTrue();
        assertThat(SignatureScheme.rsaPss(Hash.SHA1, 20).legacy()).isTrue();
        assertThat(SignatureScheme.ecdsa(Hash.SHA1).legacy()).isTrue();
        assertThat(SignatureScheme.rsaPkcs1(Hash.SHA224).legacy()).isFalse();
        assertThat(SignatureScheme.rsaPss(Hash.SHA512, 64).legacy()).isFalse();
        assertThat(SignatureScheme.ecdsa(Hash.SHA256).legacy()).isFalse();
        assertThat(SignatureScheme.ed25519().legacy()).isFalse();
    }

    private static Signature jdkPss(Hash hash, int salt) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        signature.setParameter(new PSSParameterSpec(hash.jcaName(), "MGF1", new MGF1ParameterSpec(hash.jcaName()),
                salt, 1));
        return signature;
    }

    private static byte[] jdkSign(Signature signature, KeyPair pair) throws GeneralSecurityException {
        signature.initSign(pair.getPrivate());
        signature.update(MESSAGE);
        return signature.sign();
    }

    private static boolean jdkVerifies(Signature signature, KeyPair pair, byte[] value) throws GeneralSecurityException {
        signature.initVerify(pair.getPublic());
        signature.update(MESSAGE);
        return signature.verify(value);
    }
}
