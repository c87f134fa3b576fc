package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.JdkKeyPairs.pkcs8;
import static org.keyhaven.testing.Refusals.withCode;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.testing.JdkKeyPairs;

/**
 * Bare RSA-OAEP blocks with client-chosen hashes and label, cross-checked with the JDK's SunJCE "RSA/ECB/OAEPPadding"
 * configured from the same parameters.
 */
class RsaOaepBlocksTest {

    private static final byte[] PLAINTEXT = "a 256-bit data key, say".getBytes(UTF_8);
    private static final byte[] LABEL = "tenant-42".getBytes(UTF_8);

    @ParameterizedTest(name = "OAEP {0}, MGF1 {1}")
    @CsvSource({"SHA384, SHA256", "SHA256, SHA256", "SHA1, SHA1", "SHA512, SHA1", "SHA224, SHA512"})
    void theJdkDecryptsOurBlocks(Hash hash, Hash mgf1) throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);

        byte[] block = RsaOaepBlocks.encrypt(rsa.getPublic().getEncoded(), hash, mgf1, PLAINTEXT, LABEL);

        assertThat(block).hasSize(256);
        assertThat(jdk(Cipher.DECRYPT_MODE, rsa, hash, mgf1, LABEL).doFinal(block)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "OAEP {0}, MGF1 {1}")
    @CsvSource({"SHA384, SHA256", "SHA256, SHA256", "SHA1, SHA1", "SHA512, SHA1", "SHA224, SHA512"})
    void weDecryptTheJdksBlocks(Hash hash, Hash mgf1) throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);

        byte[] block = jdk(Cipher.ENCRYPT_MODE, rsa, hash, mgf1, LABEL).doFinal(PLAINTEXT);

        assertThat(RsaOaepBlocks.decrypt(pkcs8(rsa), hash, mgf1, block, LABEL)).isEqualTo(PLAINTEXT);
    }

    @Test
    void noLabelIsTheEmptyLabel() throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);

        byte[] block = RsaOaepBlocks.encrypt(rsa.getPublic().getEncoded(), Hash.SHA256, Hash.SHA256, PLAINTEXT, null);

        assertThat(jdk(Cipher.DECRYPT_MODE, rsa, Hash.SHA256, Hash.SHA256, new byte[0]).doFinal(block))
                .isEqualTo(PLAINTEXT);
        assertThat(RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA256, Hash.SHA256, block, new byte[0]))
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void encryptionIsRandomised() {
        byte[] spki = JdkKeyPairs.rsa(2048).getPublic().getEncoded();

        assertThat(RsaOaepBlocks.encrypt(spki, Hash.SHA256, Hash.SHA256, PLAINTEXT, LABEL))
                .isNotEqualTo(RsaOaepBlocks.encrypt(spki, Hash.SHA256, Hash.SHA256, PLAINTEXT, LABEL));
    }

    @Test
    void aWrongLabelOrWrongHashesFailAuthentication() {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        byte[] block = RsaOaepBlocks.encrypt(rsa.getPublic().getEncoded(), Hash.SHA384, Hash.SHA256, PLAINTEXT, LABEL);

        assertThatThrownBy(() -> RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA384, Hash.SHA256, block,
                "tenant-43".getBytes(UTF_8))).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA384, Hash.SHA256, block, null))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA256, Hash.SHA256, block, LABEL))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA384, Hash.SHA384, block, LABEL))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA384, Hash.SHA256, block, LABEL)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aDamagedOrMistruncatedBlockFailsAuthenticationAlike() {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        byte[] block = RsaOaepBlocks.encrypt(rsa.getPublic().getEncoded(), Hash.SHA256, Hash.SHA256, PLAINTEXT, LABEL);
        byte[] flipped = block.clone();
        flipped[100] ^= 0x01;
        byte[] shorter = java.util.Arrays.copyOf(block, 255);

        assertThatThrownBy(() -> RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA256, Hash.SHA256, flipped, LABEL))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA256, Hash.SHA256, shorter, LABEL))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void theLongestPlaintextDependsOnTheOaepHashAndOneByteMoreIsRefused() throws GeneralSecurityException {
        // RFC 8017 section 7.1.1: k - 2 hLen - 2, with k = 256 bytes for RSA-2048 and hLen = 48 for SHA-384
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        byte[] spki = rsa.getPublic().getEncoded();
        byte[] longest = new byte[256 - 2 * 48 - 2];
        java.util.Arrays.fill(longest, (byte) 0x5A);

        byte[] block = RsaOaepBlocks.encrypt(spki, Hash.SHA384, Hash.SHA256, longest, LABEL);

        assertThat(jdk(Cipher.DECRYPT_MODE, rsa, Hash.SHA384, Hash.SHA256, LABEL).doFinal(block)).isEqualTo(longest);
        assertThatThrownBy(() -> RsaOaepBlocks.encrypt(spki, Hash.SHA384, Hash.SHA256, new byte[longest.length + 1],
                LABEL)).isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThat(RsaOaepBlocks.encrypt(spki, Hash.SHA1, Hash.SHA256, new byte[256 - 2 * 20 - 2], LABEL))
                .as("the MGF1 hash does not count").hasSize(256);
    }

    @Test
    void aMissingPlaintextOrBlockIsRefused() {
        KeyPair rsa = JdkKeyPairs.rsa(2048);

        assertThatThrownBy(() -> RsaOaepBlocks.encrypt(rsa.getPublic().getEncoded(), Hash.SHA256, Hash.SHA256, null,
                LABEL)).isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> RsaOaepBlocks.decrypt(pkcs8(rsa), Hash.SHA256, Hash.SHA256, null, LABEL))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    private static Cipher jdk(int mode, KeyPair rsa, Hash hash, Hash mgf1, byte[] label)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        cipher.init(mode, mode == Cipher.ENCRYPT_MODE ? rsa.getPublic() : rsa.getPrivate(),
                new OAEPParameterSpec(hash.jcaName(), "MGF1", new MGF1ParameterSpec(mgf1.jcaName()),
                        new PSource.PSpecified(label)));
        return cipher;
    }
}
