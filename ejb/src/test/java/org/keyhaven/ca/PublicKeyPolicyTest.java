package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.ca.Fixtures.pair;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.ca.Fixtures.Kind;

class PublicKeyPolicyTest {

    private static final AlgorithmIdentifier RSA = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
            DERNull.INSTANCE);

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "EC_P384", "EC_P521", "ED25519"})
    void acceptedKeys(Kind kind) {
        PublicKey key = pair(kind).getPublic();

        assertThat(PublicKeyPolicy.problemWith(key)).isNull();
        assertThat(PublicKeyPolicy.problemWith(SubjectPublicKeyInfo.getInstance(key.getEncoded()))).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_1024", "EC_SECP256K1", "DSA", "X25519"})
    void refusedKeys(Kind kind) {
        PublicKey key = pair(kind).getPublic();

        assertThat(PublicKeyPolicy.problemWith(key)).isNotBlank();
        assertThat(PublicKeyPolicy.problemWith(SubjectPublicKeyInfo.getInstance(key.getEncoded()))).isNotBlank();
    }

    @Test
    void rsaKeysAreJudgedByTheirModulusSize() {
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(2047), 65537))).contains("2047");
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(2048), 65537))).isNull();
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(16384), 65537))).isNull();
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(16385), 65537))).contains("16385");
    }

    @Test
    void theRsaExponentMustBeOddAndAtLeastThree() {
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(2048), 3))).isNull();
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(2048), 1))).isNotNull();
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(2048), 65536))).isNotNull();
        assertThat(PublicKeyPolicy.problemWith(rsa(bits(2048), 2))).isNotNull();
    }

    @Test
    void anEcKeyWithExplicitCurveParametersIsRefusedEvenOnP256() {
        SubjectPublicKeyInfo named = SubjectPublicKeyInfo.getInstance(pair(Kind.EC_P256).getPublic().getEncoded());
        X9ECParameters p256 = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
        SubjectPublicKeyInfo explicit = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(p256)),
                named.getPublicKeyData().getBytes());

        assertThat(PublicKeyPolicy.problemWith(named)).isNull();
        assertThat(PublicKeyPolicy.problemWith(explicit)).contains("named curve");
    }

    @Test
    void anEd25519KeyOfTheWrongLengthIsRefused() {
        SubjectPublicKeyInfo shortKey = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new byte[31]);

        assertThat(PublicKeyPolicy.problemWith(shortKey)).isNotNull();
    }

    @Test
    void anRsaKeyThatDoesNotParseIsRefused() {
        SubjectPublicKeyInfo garbage = new SubjectPublicKeyInfo(RSA, new byte[] {1, 2, 3, 4});

        assertThat(PublicKeyPolicy.problemWith(garbage)).isEqualTo("the public key is malformed");
    }

    @Test
    void aPublicKeyWithoutAnEncodingIsRefused() {
        PublicKey unencodable = new PublicKey() {
            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };

        assertThat(PublicKeyPolicy.problemWith(unencodable)).isEqualTo("the public key is malformed");
    }

    private static SubjectPublicKeyInfo rsa(BigInteger modulus, long exponent) {
        try {
            return new SubjectPublicKeyInfo(RSA, new RSAPublicKey(modulus, BigInteger.valueOf(exponent)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An odd number of exactly this bit length; the policy judges size, not primality. */
    private static BigInteger bits(int bits) {
        return BigInteger.ONE.shiftLeft(bits - 1).setBit(0);
    }
}
