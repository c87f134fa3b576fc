package org.keyhaven.common;

/** Helpers for putting caller-supplied text into messages and logs safely. */
public final class Texts {

    private Texts() {
    }

    /** Printable ASCII only, at most {@code max} characters: safe to echo in an error message or a log line. */
    public static String printable(String text, int max) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Truncates to {@code max} characters (null stays null). */
    public static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
