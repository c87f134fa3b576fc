package org.keyhaven.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.keyhaven.crypto.SecretBytes;

/**
 * HMAC-SHA256 over {@code "keyhaven-audit-v1" || prevMac || content.canonicalBytes()}, keyed once.
 * Not thread-safe: one instance per {@link AuditChain#link} call or per verification.
 */
final class AuditMac {

    /** Domain separation, so that no other Keyhaven MAC under the same key can pass as an audit MAC. */
    static final byte[] DOMAIN = "keyhaven-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private final HMac hmac = new HMac(new SHA256Digest());

    AuditMac(SecretBytes key) {
        key.consume(bytes -> {
            KeyParameter parameter = new KeyParameter(bytes);
            try {
                hmac.init(parameter);
            } finally {
                // KeyParameter keeps its own copy and hands out that array, so it can be wiped here.
                Arrays.fill(parameter.getKey(), (byte) 0);
            }
        });
    }

    /** Callers guarantee {@code prevMac} is {@link AuditChain#MAC_LENGTH} bytes, which keeps the input unambiguous. */
    byte[] compute(byte[] prevMac, byte[] canonicalContent) {
        hmac.update(DOMAIN, 0, DOMAIN.length);
        hmac.update(prevMac, 0, prevMac.length);
        hmac.update(canonicalContent, 0, canonicalContent.length);
        byte[] mac = new byte[hmac.getMacSize()];
        hmac.doFinal(mac, 0);
        return mac;
    }
}
