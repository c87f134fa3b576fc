package org.keyhaven.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WCAG 2 contrast ratio of two CSS colours as a browser reports them ({@code rgb(...)} or {@code rgba(...)}). */
public final class Contrast {

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)");

    private Contrast() {
    }

    public static double ratio(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String css) {
        Matcher rgb = RGB.matcher(css);
        if (!rgb.find()) {
            throw new IllegalArgumentException("not an rgb colour: " + css);
        }
        return 0.2126 * channel(rgb.group(1)) + 0.7152 * channel(rgb.group(2)) + 0.0722 * channel(rgb.group(3));
    }

    private static double channel(String value) {
        double c = Integer.parseInt(value) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
