package org.keyhaven.audit;

import java.nio.charset.StandardCharsets;
import org.keyhaven.crypto.Hmac;
import org.keyhaven.crypto.HmacAlgorithm;
import org.keyhaven.crypto.SecretBytes;

/**
 * The MAC a record gets when it is written, before it is chained: it lets the chainer refuse rows that Keyhaven
 * did not write (inserted or edited directly in the database), which it would otherwise chain in good faith.
 */
final class AuditEntryMac {

    private static final byte[] DOMAIN = "keyhaven-audit-entry-v1".getBytes(StandardCharsets.UTF_8);

    private AuditEntryMac() {
    }

    static byte[] compute(SecretBytes auditKey, AuditContent content) {
        return Hmac.compute(HmacAlgorithm.SHA256, auditKey, DOMAIN, content.canonicalBytes());
    }

    static boolean matches(SecretBytes auditKey, AuditContent content, byte[] entryMac) {
        return entryMac != null && Hmac.verify(HmacAlgorithm.SHA256, auditKey, entryMac, DOMAIN,
                content.canonicalBytes());
    }
}
