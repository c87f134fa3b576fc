package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keyhaven.crypto.SecretBytes;

class CertifiedKeyTest {

    private final CertifiedKey ca = Fixtures.internalCa("certified key");

    @Test
    void aCertifiedKeyNeedsACertificate() {
        assertThatThrownBy(() -> new CertifiedKey(SecretBytes.copyOf(new byte[] {1}), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertifiedKey(null, List.of(ca.certificate())))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theChainIsACopyThatCannotBeChanged() {
        List<X509Certificate> chain = new ArrayList<>(List.of(ca.certificate()));
        CertifiedKey key = new CertifiedKey(SecretBytes.copyOf(new byte[] {1}), chain);

        chain.clear();

        assertThat(key.chain()).containsExactly(ca.certificate());
        assertThat(key.certificate()).isEqualTo(ca.certificate());
        assertThatThrownBy(() -> key.chain().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
