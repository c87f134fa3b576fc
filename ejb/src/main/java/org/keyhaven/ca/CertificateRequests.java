package org.keyhaven.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;

/**
 * Checks a CSR before its key is certified: the request must be signed by the key it names (proof of possession)
 * and the key must satisfy {@link PublicKeyPolicy}. The subject and any requested extensions are ignored: Keyhaven
 * decides what a certificate says.
 */
public final class CertificateRequests {

    private CertificateRequests() {
    }

    public static SubjectPublicKeyInfo verifiedPublicKey(PKCS10CertificationRequest request) {
        SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
        String problem = PublicKeyPolicy.problemWith(key);
        if (problem != null) {
            throw new KeyhavenException(ErrorCode.INVALID_CSR, "the CSR's key is refused: " + problem);
        }
        if (!SignatureAlgorithms.accepted(request.getSignatureAlgorithm().getAlgorithm().getId())) {
            throw new KeyhavenException(ErrorCode.INVALID_CSR,
                    "the CSR is signed with a weak or unsupported algorithm (use SHA-256 or better, or Ed25519)");
        }
        boolean signed;
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(KeyhavenProvider.get()).build(key);
            signed = request.isSignatureValid(verifier);
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            signed = false;
        }
        if (!signed) {
            throw new KeyhavenException(ErrorCode.INVALID_CSR,
                    "the CSR is not signed by its own key with a supported algorithm");
        }
        return key;
    }
}
