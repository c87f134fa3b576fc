package org.keyhaven.system;

import java.util.Locale;
import java.util.regex.Pattern;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * Which environment a server belongs to (PRODUCTION, TEST, ...): shown in status and the UI, and compared before
 * servers mirror each other. Set at first start from {@value #ENVIRONMENT_VARIABLE} (default TEST).
 */
public final class EnvironmentLabel {

    public static final String ENVIRONMENT_VARIABLE = "KEYHAVEN_ENVIRONMENT";
    public static final String DEFAULT = "TEST";
    private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");

    private EnvironmentLabel() {
    }

    public static String normalize(String label) {
        String upper = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
        if (!LABEL.matcher(upper).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "environment label '" + Texts.printable(label, 40)
                    + "' must be 1-32 letters, digits, '_' or '-', starting with a letter");
        }
        return upper;
    }
}
