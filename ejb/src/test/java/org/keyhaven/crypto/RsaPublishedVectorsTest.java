package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.crypto.TestBytes.flipBit;
import static org.keyhaven.crypto.TestBytes.hex;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.keyhaven.key.KeyAlgorithm;

/**
 * Published RSA vectors from Project Wycheproof (github.com/C2SP/wycheproof, directory testvectors_v1), all on
 * the same 2048-bit modulus:
 * <ul>
 *   <li>PKCS#1 v1.5 with SHA-256: {@code rsa_pkcs1_2048_sig_gen_test.json}, SHA-256 group, tcId 84;</li>
 *   <li>RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt: {@code rsa_pss_2048_sha256_mgf1_32_test.json},
 *       tcId 4 ("valid");</li>
 *   <li>RSAES-OAEP with SHA-256, MGF1-SHA-256, empty label: {@code rsa_oaep_2048_sha256_mgf1sha256_test.json},
 *       tcId 4 ("valid").</li>
 * </ul>
 * Keys are the files' {@code privateKeyPkcs8} and {@code keyDer}/{@code publicKeyDer} values; all three messages
 * are the bytes 313233343030 ("123400").
 */
class RsaPublishedVectorsTest {

    private static final byte[] MESSAGE = hex("313233343030");

    private static final byte[] PKCS1_PRIVATE_KEY = hex(
            "308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100a2b451a07d0aa5f96e45",
            "5671513550514a8a5b462ebef717094fa1fee82224e637f9746d3f7cafd31878d80325b6ef5a1700f65903b469429e89",
            "d6eac8845097b5ab393189db92512ed8a7711a1253facd20f79c15e8247f3d3e42e46e48c98e254a2fe9765313a03eff",
            "8f17e1a029397a1fa26a8dce26f490ed81299615d9814c22da610428e09c7d9658594266f5c021d0fceca08d945a12be",
            "82de4d1ece6b4c03145b5d3495d4ed5411eb878daf05fd7afc3e09ada0f1126422f590975a1969816f48698bcbba1b4d",
            "9cae79d460d8f9f85e7975005d9bc22c4e5ac0f7c1a45d12569a62807d3b9a02e5a530e773066f453d1f5b4c2e9cf782",
            "0283f742b9d50203010001028201007627eef3567b2a27268e52053ecd31c3a7172ccb9ddcee819b306a5b3c66b7573c",
            "a4fa88efc6f3c4a00bfa0ae7139f64543a4dac3d05823f6ff477cfcec84fe2ac7a68b17204b390232e110310c4e899c4",
            "e7c10967db4acde042dbbf19dbe00b4b4741de1020aaaaffb5054c797c9f136f7d93ac3fc8caff6654242d7821ebee51",
            "7bf537f44366a0fdd45ae05b9909c2e6cc1ed9281eff4399f76c96b96233ec29ae0bbf0d752b234fc197389f51050aa1",
            "acd01c074c3ac8fbdb9ea8b651a95995e8db4ad5c43b6c8673e5a126e7ee94b8dff4c5afc01259bc8da76950bae6f8ba",
            "e715f50985b0d6f66d04c6fef3b700720eecdcdf171bb7b1ecbe7289c467c102818100dc431050f782e894fb5248247d",
            "98cb7d58b8d1e24f3b55d041c56e4de086b0d5bb028bda42eeb5d234d5681e5809d415e6a289ad4cfbf78f978f6c3581",
            "4f50eebff1c5b80a69f788e81e6bab5ddaa78369d659d143ec6f17e79813a575cfad9c569156b90113e2e9110ad9e7b4",
            "8a1c9348a6e653321191290ea36cfb3a5b18f102818100bd1a81e7977f9898122273ae3222b598ea5fb19eb4eabc3830",
            "8a5e32196603b2e500ffb79f5b886816611debc472fac45544070beb057c941378a6868af3b7a03d3f9880ec47d5e089",
            "b94fbde542aba9ae8d72c57088d7abf5b131f39098f7bc160f90536abc9492fd4e06f3ed7299d4b97bb03677207d9566",
            "9f140cfbc20f2502818100a94b528b28f291599121d91952ffd1c7f21d7c1479d99d478885fb161870ee1218bf084726",
            "12dbe5497e8d9c650688e09c786961ae3e2c354dc48ae34514759c4c23c4588488961dc06b414e61c0e1e7fbbd2923d3",
            "1532fe289f96da220711e58c14019808e00414276933bb07e4efb9b4a9b37656917205209f33f09515d7c10281803af0",
            "e72a933aef09ff2503df78bafed531c02ff1a2bc437c540cdcbd4ad35435cf511763596543480629b114ca7f780ff7ef",
            "a32ea0cb6e000d6d9ea1f2ef71fd9cf9948422a165557e37e755edfe70d90b920502eb478bc98a63f788ce3a0f856d6e",
            "de7251a383bfa8fa480a81a925af7b3cc538c4bab8c9f7597ffb68011d8d0281802640fbfbcfefb163ee7a87b6483a66",
            "ee41f956d90fa8a7939bfc042ee0924b1b7993d0445f758d51933e85179c0320b0c968b48a91c38b5be923e1097c0c56",
            "2f88d42294b6a2759bafa5428a74f1270874e45f6fcc60f21602de5eccd143cf31241f5921b5ad3983fb54ef17be3b28",
            "5367e50c999c67247b552fe4bfce945f7b");
    private static final byte[] PKCS1_PUBLIC_KEY = hex(
            "30820122300d06092a864886f70d01010105000382010f003082010a0282010100a2b451a07d0aa5f96e455671513550",
            "514a8a5b462ebef717094fa1fee82224e637f9746d3f7cafd31878d80325b6ef5a1700f65903b469429e89d6eac88450",
            "97b5ab393189db92512ed8a7711a1253facd20f79c15e8247f3d3e42e46e48c98e254a2fe9765313a03eff8f17e1a029",
            "397a1fa26a8dce26f490ed81299615d9814c22da610428e09c7d9658594266f5c021d0fceca08d945a12be82de4d1ece",
            "6b4c03145b5d3495d4ed5411eb878daf05fd7afc3e09ada0f1126422f590975a1969816f48698bcbba1b4d9cae79d460",
            "d8f9f85e7975005d9bc22c4e5ac0f7c1a45d12569a62807d3b9a02e5a530e773066f453d1f5b4c2e9cf7820283f742b9",
            "d50203010001");
    private static final byte[] PKCS1_SIGNATURE = hex(
            "1758eb94588e6fc4f50c1be1afcaa41027869f304cad513b1fb12c2f446d63cdc05c4830a7e3e630da7b2da4f7867cc1",
            "73bf6420f9732277282596de41ded32e21d0cc31441174da8765f57419c7764ea758f55bc17646eb100c435d1ac0eed6",
            "fc7ba6de5f832094ee2f479979765e05ac9976788db3c241a9e32a0da864f0019a87646ba623d63f4411af5dee1be9ec",
            "488c7e3e1b231479de70b9ac5f78a17b1f4120aece45f26c07e7bb345fdfeb05e14bcaacc614672a465fc523624cb19f",
            "66f9c6c3f642b832ca44cb25176d679f0e05606c3fed022cac24c2bf960a406d48818e3eb7ed53b0446032469047dfed",
            "95fc18088c92d91d93722c47f88163a8");

    private static final byte[] PSS_PUBLIC_KEY = hex(
            "30820122300d06092a864886f70d01010105000382010f003082010a0282010100a2b451a07d0aa5f96e455671513550",
            "514a8a5b462ebef717094fa1fee82224e637f9746d3f7cafd31878d80325b6ef5a1700f65903b469429e89d6eac88450",
            "97b5ab393189db92512ed8a7711a1253facd20f79c15e8247f3d3e42e46e48c98e254a2fe9765313a03eff8f17e1a029",
            "397a1fa26a8dce26f490ed81299615d9814c22da610428e09c7d9658594266f5c021d0fceca08d945a12be82de4d1ece",
            "6b4c03145b5d3495d4ed5411eb878daf05fd7afc3e09ada0f1126422f590975a1969816f48698bcbba1b4d9cae79d460",
            "d8f9f85e7975005d9bc22c4e5ac0f7c1a45d12569a62807d3b9a02e5a530e773066f453d1f5b4c2e9cf7820283f742b9",
            "d50203010001");
    private static final byte[] PSS_SIGNATURE = hex(
            "68caf07e71ee654ffabf07d342fc4059deb4f7e5970746c423b1e8f668d5332275cc35eb61270aebd27855b1e80d59de",
            "f47fe8882867fd33c2308c91976baa0b1df952caa78db4828ab81e79949bf145cbdfd1c4987ed036f81e8442081016f2",
            "0fa4b587574884ca6f6045959ce3501ae7c02b1902ec1d241ef28dee356c0d30d28a950f1fbc683ee7d9aad26b048c13",
            "426fe3975d5638afeb5b9c1a99d162d3a5810e8b074d7a2eae2be52b577151f76e1f734b0a956ef4f22be64dc20a81ad",
            "1316e4f79dff5fc41fc08a20bc612283a88415d41595bfea66d59de7ac12e230f72244ad9905aef0ead3fa41ed70bf42",
            "18863d5f041292f2d14ce0a7271c6d36");

    private static final byte[] OAEP_PRIVATE_KEY = hex(
            "308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100a2b451a07d0aa5f96e45",
            "5671513550514a8a5b462ebef717094fa1fee82224e637f9746d3f7cafd31878d80325b6ef5a1700f65903b469429e89",
            "d6eac8845097b5ab393189db92512ed8a7711a1253facd20f79c15e8247f3d3e42e46e48c98e254a2fe9765313a03eff",
            "8f17e1a029397a1fa26a8dce26f490ed81299615d9814c22da610428e09c7d9658594266f5c021d0fceca08d945a12be",
            "82de4d1ece6b4c03145b5d3495d4ed5411eb878daf05fd7afc3e09ada0f1126422f590975a1969816f48698bcbba1b4d",
            "9cae79d460d8f9f85e7975005d9bc22c4e5ac0f7c1a45d12569a62807d3b9a02e5a530e773066f453d1f5b4c2e9cf782",
            "0283f742b9d502030100010282010024cdc62317f5d72a6f6ba6cc9632899b01d1ff28867d72f61688995bc855a4e420",
            "a8405250089bdb13cf8e09543827b748b9d27fbb2b4d9e20af8c5a6a862796d1a4cc18ad16ea678bc1bd4a83bbbe9c5e",
            "57453b5ce7388e41a3ba4ce2b77b4438a229e954f720dae0353dc088ac8a76b26dc276f8e1b7851ddd6398ad16ff2e78",
            "195123b9b036e945c38c9d12434f6df76fe22359eb3e1ac9c011678fc926fad3ae475a4fffff55feb2d147e9c894f4c0",
            "e29a599e762462482d968bf42780945fc0d2c31c573c4431b8f4fe8b8c67bec815abd44f7a86edca1c2308737358d2c2",
            "ae5e2e0e2dadf730980262377e58b13b7d9992060a0bc870ccfdb4a9319ee102818100dc431050f782e894fb5248247d",
            "98cb7d58b8d1e24f3b55d041c56e4de086b0d5bb028bda42eeb5d234d5681e5809d415e6a289ad4cfbf78f978f6c3581",
            "4f50eebff1c5b80a69f788e81e6bab5ddaa78369d659d143ec6f17e79813a575cfad9c569156b90113e2e9110ad9e7b4",
            "8a1c9348a6e653321191290ea36cfb3a5b18f102818100bd1a81e7977f9898122273ae3222b598ea5fb19eb4eabc3830",
            "8a5e32196603b2e500ffb79f5b886816611debc472fac45544070beb057c941378a6868af3b7a03d3f9880ec47d5e089",
            "b94fbde542aba9ae8d72c57088d7abf5b131f39098f7bc160f90536abc9492fd4e06f3ed7299d4b97bb03677207d9566",
            "9f140cfbc20f2502818100a94b528b28f291599121d91952ffd1c7f21d7c1479d99d478885fb161870ee1218bf084726",
            "12dbe5497e8d9c650688e09c786961ae3e2c354dc48ae34514759c4c23c4588488961dc06b414e61c0e1e7fbbd2923d3",
            "1532fe289f96da220711e58c14019808e00414276933bb07e4efb9b4a9b37656917205209f33f09515d7c10281803af0",
            "e72a933aef09ff2503df78bafed531c02ff1a2bc437c540cdcbd4ad35435cf511763596543480629b114ca7f780ff7ef",
            "a32ea0cb6e000d6d9ea1f2ef71fd9cf9948422a165557e37e755edfe70d90b920502eb478bc98a63f788ce3a0f856d6e",
            "de7251a383bfa8fa480a81a925af7b3cc538c4bab8c9f7597ffb68011d8d0281802640fbfbcfefb163ee7a87b6483a66",
            "ee41f956d90fa8a7939bfc042ee0924b1b7993d0445f758d51933e85179c0320b0c968b48a91c38b5be923e1097c0c56",
            "2f88d42294b6a2759bafa5428a74f1270874e45f6fcc60f21602de5eccd143cf31241f5921b5ad3983fb54ef17be3b28",
            "5367e50c999c67247b552fe4bfce945f7b");
    private static final byte[] OAEP_CIPHERTEXT = hex(
            "0da290b0bf71a1141b2adc62b5b42b07fc52520cb05d1f39ccca7b7c22d379a6c2f2d93143d057050140527a1e563824",
            "3938b531ec3de7014b0151301e49b9fa433482a02abdfd94193dc9c70157e557776a69ded01ecbeac405133595c61165",
            "a428b6284729a4746b47d2bbaca9d7432c3b5693591cfee488eb3c68ddb6cde0dd61cfc6952423f994abecee34f56837",
            "32b29934a2c498ad48cdd30c149177189f48eefd9cc7232df18be11ff5f7e3af7319e3115997c599e2d8f7f4f663dcc4",
            "0032d403436d3058a5ea66473660f0e195281ec6eba997d2a951ca6ca5f3c112715c89da1d3dfb20a21940594ed10ade",
            "90ed7452b753757d7241cb8a803c373a");

    @Test
    void pkcs1Sha256SigningReproducesThePublishedSignature() throws GeneralSecurityException {
        PrivateKey key = KeyMaterialGenerator.privateKey(KeyAlgorithm.RSA, PKCS1_PRIVATE_KEY);
        Signature signer = Signature.getInstance("SHA256withRSA", KeyhavenProvider.get());
        signer.initSign(key);
        signer.update(MESSAGE);
        assertThat(signer.sign()).isEqualTo(PKCS1_SIGNATURE);
    }

    @Test
    void pkcs1Sha256VerificationAcceptsThePublishedSignatureOnly() throws GeneralSecurityException {
        PublicKey key = KeyMaterialGenerator.publicKey(KeyAlgorithm.RSA, PKCS1_PUBLIC_KEY);
        assertThat(verify("SHA256withRSA", null, key, MESSAGE, PKCS1_SIGNATURE)).isTrue();
        assertThat(verify("SHA256withRSA", null, key, MESSAGE, flipBit(PKCS1_SIGNATURE, 255))).isFalse();
        assertThat(verify("SHA256withRSA", null, key, flipBit(MESSAGE, 0), PKCS1_SIGNATURE)).isFalse();
    }

    @Test
    void pssVerificationAcceptsThePublishedSignatureOnly() throws GeneralSecurityException {
        PublicKey key = KeyMaterialGenerator.publicKey(KeyAlgorithm.RSA, PSS_PUBLIC_KEY);
        PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
        assertThat(verify("RSASSA-PSS", pss, key, MESSAGE, PSS_SIGNATURE)).isTrue();
        assertThat(verify("RSASSA-PSS", pss, key, MESSAGE, flipBit(PSS_SIGNATURE, 128))).isFalse();
        assertThat(verify("RSASSA-PSS", pss, key, flipBit(MESSAGE, 5), PSS_SIGNATURE)).isFalse();
    }

    @Test
    void oaepSha256DecryptionRecoversThePublishedMessage() throws GeneralSecurityException {
        PrivateKey key = KeyMaterialGenerator.privateKey(KeyAlgorithm.RSA, OAEP_PRIVATE_KEY);
        Cipher cipher = Cipher.getInstance("RSA/NONE/OAEPPadding", KeyhavenProvider.get());
        cipher.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        assertThat(cipher.doFinal(OAEP_CIPHERTEXT)).isEqualTo(MESSAGE);
    }

    private static boolean verify(String algorithm, PSSParameterSpec parameters, PublicKey key, byte[] message,
            byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm, KeyhavenProvider.get());
        if (parameters != null) {
            verifier.setParameter(parameters);
        }
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
