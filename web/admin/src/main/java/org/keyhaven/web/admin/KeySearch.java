package org.keyhaven.web.admin;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyQuery;
import org.keyhaven.key.KeyState;

/**
 * The key list's bookmarkable query, taken from hostile URL parameters: a name prefix (at most a key name long), a
 * lifecycle state, and a 1-based page of {@value #PAGE_SIZE} keys. A page number that is not a number falls back
 * to the first page; a state that does not exist is refused with a message rather than silently ignored.
 */
public record KeySearch(String name, KeyState state, int page) {

    public static final int PAGE_SIZE = 25;
    /** Keeps the offset within an int however large the page number in the URL. */
    static final int MAX_PAGE = 1_000_000;

    public KeySearch {
        name = name == null || name.isBlank() ? null : name.trim();
        page = Math.min(Math.max(1, page), MAX_PAGE);
    }

    public static KeySearch parse(String name, String state, String page) {
        if (name != null && name.length() > KeyDefinition.MAX_NAME) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                    "a name to search for is at most " + KeyDefinition.MAX_NAME + " characters");
        }
        return new KeySearch(name, parseState(state), parsePage(page));
    }

    private static KeyState parseState(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return KeyState.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "there is no key state '"
                    + Texts.printable(text, 40) + "'");
        }
    }

    private static int parsePage(String text) {
        if (text == null || !text.matches("[0-9]{1,9}")) {
            return 1;
        }
        return Integer.parseInt(text);
    }

    public KeyQuery query() {
        return new KeyQuery(name, state, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** The page before this one, or the last page when this one lies past the end. */
    public int previousPage(long total) {
        long last = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return (int) Math.min(page - 1, last);
    }

    public boolean hasNext(long total) {
        return (long) page * PAGE_SIZE < total;
    }

    /** "Keys 26–50 of 73", or why there is nothing to show. */
    public String describe(long total, int shown) {
        if (total == 0) {
            return name == null && state == null ? "There are no keys yet." : "No key matches.";
        }
        if (shown == 0) {
            return "No keys on page " + page + " (" + total + " in all).";
        }
        long first = (long) (page - 1) * PAGE_SIZE + 1;
        return "Keys " + first + "–" + (first + shown - 1) + " of " + total;
    }
}
