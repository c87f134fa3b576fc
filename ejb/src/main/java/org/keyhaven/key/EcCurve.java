package org.keyhaven.key;

import java.util.Locale;
import java.util.Optional;

/** The NIST prime curves Keyhaven generates EC keys on. */
public enum EcCurve {
    P_256("P-256", "secp256r1", 256),
    P_384("P-384", "secp384r1", 384),
    P_521("P-521", "secp521r1", 521);

    private final String displayName;
    private final String jcaName;
    private final int fieldBits;

    EcCurve(String displayName, String jcaName, int fieldBits) {
        this.displayName = displayName;
        this.jcaName = jcaName;
        this.fieldBits = fieldBits;
    }

    public String displayName() {
        return displayName;
    }

    /** The standard name a JCA {@code ECGenParameterSpec} understands. */
    public String jcaName() {
        return jcaName;
    }

    public int fieldBits() {
        return fieldBits;
    }

    public static Optional<EcCurve> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace("_", "-");
        for (EcCurve curve : values()) {
            if (curve.displayName.equals(wanted) || curve.jcaName.toUpperCase(Locale.ROOT).equals(wanted)
                    || curve.displayName.replace("-", "").equals(wanted)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    public static Optional<EcCurve> ofFieldBits(int bits) {
        for (EcCurve curve : values()) {
            if (curve.fieldBits == bits) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }
}
