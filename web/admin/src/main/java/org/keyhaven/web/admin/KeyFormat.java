package org.keyhaven.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.LifecycleEvent;
import org.keyhaven.key.RevocationReason;

/**
 * How the key pages write key metadata: times in UTC to the second, the algorithm with its size or curve as an
 * officer names it ("AES 256-bit", "EC P-384"), and a style class per lifecycle state so that a compromised or
 * destroyed key stands out. Pure formatting, no service calls; the pages reach it as {@code #{keyFormat}}.
 */
@Named
@ApplicationScoped
public class KeyFormat {

    static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Key ids are UUIDs; key names never look like one (KeyDefinition refuses it). */
    private static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /** Whether the text has the form of a key id; anything else cannot name a key on the detail page. */
    public static boolean isKeyId(String text) {
        return text != null && KEY_ID.matcher(text).matches();
    }

    public String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    public String algorithm(KeyView key) {
        if (key.curve() != null) {
            return key.algorithm() + " " + key.curve();
        }
        return "Ed25519".equals(key.algorithm()) ? key.algorithm() : key.algorithm() + " " + key.length() + "-bit";
    }

    public String list(Collection<?> values) {
        return values == null || values.isEmpty() ? NONE
                : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public String orNone(Object value) {
        return value == null || value.toString().isEmpty() ? NONE : value.toString();
    }

    /** {@code state good} for an Active key, {@code state bad} once compromised or destroyed, else {@code state}. */
    public String stateClass(KeyState state) {
        if (state == KeyState.ACTIVE) {
            return "state good";
        }
        boolean alarming = state == KeyState.COMPROMISED || state == KeyState.DESTROYED
                || state == KeyState.DESTROYED_COMPROMISED;
        return alarming ? "state bad" : "state";
    }

    /** A revocation reason with the state it leads to, so the officer sees that a compromise is not a retirement. */
    public String reason(RevocationReason reason) {
        return reason + (reason.event() == LifecycleEvent.COMPROMISE ? " (key becomes COMPROMISED)"
                : " (key becomes DEACTIVATED)");
    }
}
