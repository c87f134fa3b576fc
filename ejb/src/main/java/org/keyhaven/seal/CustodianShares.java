package org.keyhaven.seal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ShamirSecretSharing;
import org.keyhaven.crypto.ShamirSecretSharing.Share;

/**
 * The custodians' shares of the unseal key (custodian mode): their text form ({@code <index>-<64 hex digits>}), what
 * the server keeps to recognise them (the number of shares, the threshold, and a SHA-256 digest of each share, from
 * which nothing about the key follows), and the shares submitted so far. A share that is malformed, not one of
 * this server's, or submitted twice is refused with the same words whatever was wrong with it.
 */
public final class CustodianShares {

    private static final Pattern TEXT = Pattern.compile("([1-9]|1[0-6])-([0-9a-f]{64})");
    private static final String DIGEST_DOMAIN = "keyhaven-unseal-share-v1|";

    /** How the unseal key was split: the share count, the threshold, the digest of each share by index. */
    public record Split(int shares, int threshold, Map<Integer, String> digests) {

        public Split {
            digests = Map.copyOf(digests);
        }

        static Split of(List<Share> shares, int threshold) {
            Map<Integer, String> digests = new TreeMap<>();
            shares.forEach(share -> digests.put(share.index(), digest(share)));
            return new Split(shares.size(), threshold, digests);
        }

        public String toJson() {
            JsonObjectBuilder list = Json.createObjectBuilder();
            new TreeMap<>(digests).forEach((index, digest) -> list.add(String.valueOf(index), digest));
            return Json.createObjectBuilder().add("shares", shares).add("threshold", threshold).add("digests", list)
                    .build().toString();
        }

        public static Split fromJson(String text) {
            JsonObject json = Json.createReader(new StringReader(text)).readObject();
            Map<Integer, String> digests = new TreeMap<>();
            json.getJsonObject("digests").forEach((index, digest) -> digests.put(Integer.valueOf(index),
                    ((jakarta.json.JsonString) digest).getString()));
            return new Split(json.getInt("shares"), json.getInt("threshold"), digests);
        }
    }

    private final Split split;
    private final Map<Integer, Share> submitted = new TreeMap<>();

    public CustodianShares(Split split) {
        this.split = split;
    }

    /** The shares' text forms, for the custodians (shown once). */
    public static List<String> format(List<Share> shares) {
        List<String> texts = new ArrayList<>();
        shares.forEach(share -> texts.add(share.index() + "-" + share.value().use(HexFormat.of()::formatHex)));
        return texts;
    }

    /**
     * Takes a custodian's share.
     *
     * @return the unseal key once {@code threshold} shares are in (the caller closes it; the shares are wiped),
     *     else null
     */
    public SecretBytes submit(String text) {
        Share share = parse(text);
        String expected = split.digests().get(share.index());
        boolean known = expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), digest(share).getBytes(StandardCharsets.US_ASCII));
        if (!known || submitted.containsKey(share.index())) {
            share.close();
            throw refused();
        }
        submitted.put(share.index(), share);
        if (submitted.size() < split.threshold()) {
            return null;
        }
        try {
            return ShamirSecretSharing.combine(List.copyOf(submitted.values()));
        } finally {
            clear();
        }
    }

    public int submittedCount() {
        return submitted.size();
    }

    public Split split() {
        return split;
    }

    /** Forgets and wipes the shares submitted so far. */
    public void clear() {
        submitted.values().forEach(Share::close);
        submitted.clear();
    }

    private static Share parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            throw refused();
        }
        return new Share(Integer.parseInt(matcher.group(1)), SecretBytes.adopt(HexFormat.of()
                .parseHex(matcher.group(2))));
    }

    /** SHA-256 over a domain, the index and the share's bytes (never through a String, which cannot be wiped). */
    private static String digest(Share share) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(DIGEST_DOMAIN.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) share.index());
            share.value().consume(sha256::update);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static KeyhavenException refused() {
        return new KeyhavenException(ErrorCode.INVALID_SHARE, "the share is not accepted: it is malformed, not one"
                + " of this server's, or submitted already");
    }
}
