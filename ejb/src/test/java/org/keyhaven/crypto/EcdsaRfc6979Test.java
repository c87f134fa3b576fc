package org.keyhaven.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeyAlgorithm;

/**
 * RFC 6979 appendix A.2.5 (P-256, SHA-256), A.2.6 (P-384, SHA-384) and A.2.7 (P-521, SHA-512), message
 * "sample": private key x, public key (Ux, Uy) and the deterministic signature (r, s).
 */
class EcdsaRfc6979Test {

    static Stream<Arguments> rfc6979() {
        return Stream.of(
                Arguments.of(EcCurve.P_256, "SHA256withECDSA", (Supplier<Digest>) SHA256Digest::new,
                        "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721",
                        "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6",
                        "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299",
                        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
                        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"),
                Arguments.of(EcCurve.P_384, "SHA384withECDSA", (Supplier<Digest>) SHA384Digest::new,
                        "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D8"
                                + "96D5724E4C70A825F872C9EA60D2EDF5",
                        "EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64"
                                + "DEF8F0EA9055866064A254515480BC13",
                        "8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1"
                                + "288B231C3AE0D4FE7344FD2533264720",
                        "94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C"
                                + "81A648152E44ACF96E36DD1E80FABE46",
                        "99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94F"
                                + "A329C145786E679E7B82C71A38628AC8"),
                Arguments.of(EcCurve.P_521, "SHA512withECDSA", (Supplier<Digest>) SHA512Digest::new,
                        "0FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75C"
                                + "AA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538",
                        "1894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD3"
                                + "71123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4",
                        "0493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A2"
                                + "8A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5",
                        "0C328FAFCBD79DD77850370C46325D987CB525569FB63C5D3BC53950E6D4C5F1"
                                + "74E25A1EE9017B5D450606ADD152B534931D7D4E8455CC91F9B15BF05EC36E377FA",
                        "0617CCE7CF5064806C467F678D3B4080D6F1CC50AF26CA209417308281B68AF2"
                                + "82623EAA63E5B5C0723D8B8C37FF0777B1A20F8CCB1DCCC43997F1EE0E44DA4A67A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc6979")
    void deterministicSigningReproducesRAndS(EcCurve curve, String jcaAlgorithm, Supplier<Digest> digest, String x,
            String ux, String uy, String r, String s) {
        X9ECParameters parameters = ECNamedCurveTable.getByName(curve.jcaName());
        ECDomainParameters domain = new ECDomainParameters(parameters);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(digest.get()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(x, 16), domain));

        BigInteger[] signature = signer.generateSignature(hash(digest.get(), "sample"));

        assertThat(signature[0]).isEqualTo(new BigInteger(r, 16));
        assertThat(signature[1]).isEqualTo(new BigInteger(s, 16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc6979")
    void ourProviderAcceptsThePublishedSignatureAndRejectsAnotherMessage(EcCurve curve, String jcaAlgorithm,
            Supplier<Digest> digest, String x, String ux, String uy, String r, String s)
            throws GeneralSecurityException, IOException {
        PublicKey key = KeyMaterialGenerator.publicKey(KeyAlgorithm.EC, spki(curve, ux, uy));
        byte[] der = der(new BigInteger(r, 16), new BigInteger(s, 16));

        assertThat(verify(jcaAlgorithm, key, "sample", der)).isTrue();
        assertThat(verify(jcaAlgorithm, key, "samplf", der)).isFalse();
    }

    private static byte[] spki(EcCurve curve, String ux, String uy) throws GeneralSecurityException {
        X9ECParameters parameters = ECNamedCurveTable.getByName(curve.jcaName());
        ECNamedCurveParameterSpec spec = new ECNamedCurveParameterSpec(curve.jcaName(), parameters.getCurve(),
                parameters.getG(), parameters.getN(), parameters.getH());
        ECPublicKeySpec publicKeySpec = new ECPublicKeySpec(
                parameters.getCurve().createPoint(new BigInteger(ux, 16), new BigInteger(uy, 16)), spec);
        return KeyFactory.getInstance("EC", KeyhavenProvider.get()).generatePublic(publicKeySpec).getEncoded();
    }

    private static byte[] der(BigInteger r, BigInteger s) throws IOException {
        ASN1EncodableVector sequence = new ASN1EncodableVector();
        sequence.add(new ASN1Integer(r));
        sequence.add(new ASN1Integer(s));
        return new DERSequence(sequence).getEncoded(ASN1Encoding.DER);
    }

    private static byte[] hash(Digest digest, String message) {
        byte[] bytes = message.getBytes(US_ASCII);
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static boolean verify(String algorithm, PublicKey key, String message, byte[] der)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm, KeyhavenProvider.get());
        verifier.initVerify(key);
        verifier.update(message.getBytes(US_ASCII));
        return verifier.verify(der);
    }
}
