package org.keyhaven.audit;

import java.util.Iterator;
import java.util.Objects;
import org.keyhaven.crypto.SecretBytes;

/**
 * The tamper-evident audit chain: computes the MAC of a new record and verifies a stored log.
 *
 * <h2>The chain</h2>
 * <pre>
 *   mac(n) = HMAC-SHA256(key, "keyhaven-audit-v1" || mac(n-1) || content(n).canonicalBytes())
 *   mac(0) = genesis = 32 zero bytes
 * </pre>
 * Record n stores {@code seq = n}, {@code prevMac = mac(n-1)} and {@code mac = mac(n)}; the head row stores
 * the seq and MAC of the last record. The domain prefix has a fixed length and the previous MAC is always
 * {@link #MAC_LENGTH} bytes, and the canonical content is self-delimiting ({@link AuditContent}), so the MAC
 * input parses one way only.
 *
 * <p><b>{@code seq} is not inside the MAC.</b> A record's position is authenticated by the link instead:
 * each record names its predecessor's MAC, so the order of the records is fixed from the genesis onwards,
 * and verification checks that the stored seqs count 1, 2, 3, ... along the links. Keeping seq out of the
 * MAC is what lets verification tell <em>kinds</em> of tampering apart: a renumbered, moved or swapped row
 * still passes its own MAC, so it is reported as reordered or as a gap rather than as an edited row; only
 * rows whose content, previous MAC or MAC column changed fail their own MAC.
 *
 * <h2>Verification rules</h2>
 * Rows are read once, in stored seq order. A row <i>verifies</i> when the MAC recomputed from its previous
 * MAC and content equals its stored MAC (compared in constant time). Its <i>link</i> is its previous MAC;
 * in an intact log every link names the row stored just before it (the genesis for the first), the seqs
 * are 1, 2, 3, ... and the head names the last row by seq and MAC. The verifier keeps the last
 * {@link #REORDER_WINDOW} rows (seq and MACs only) and the links it has not yet found, so memory is bounded
 * whatever the length of the log; {@code seq} in a problem is always a stored seq, so rows can be found.
 * <ol>
 *   <li>A row that does not verify was altered or inserted. Which one is decided by the next row that
 *       verifies (or, for the last rows, the head): if that row links to the altered row's stored MAC the
 *       row holds its place in the chain and is <b>EDITED</b> (content or link changed); if it links to the
 *       MAC the row's content yields, the row is EDITED with its MAC column changed; if it links past the
 *       row to an earlier one, the chain skips the row and it is <b>FORGED</b>. A row whose previous-MAC
 *       column is unusable counts as linked when it sits at the seq the next row expects. Unresolved cases
 *       are EDITED.
 *   <li>A row that verifies and has the same MAC as an earlier row is a copy: <b>FORGED</b>.
 *   <li>A row whose link names no row before it is held open until {@link #REORDER_WINDOW} more rows have
 *       been read. If a later row carries that MAC, the row is <b>REORDERED</b> (stored before its chain
 *       predecessor; the problem names both seqs). Otherwise records are <b>MISSING</b> before it: with a
 *       seq gap the range is reported, without one (seqs renumbered to close the gap) the row after the gap
 *       is named. A row moved further than the window therefore shows as MISSING at both places.
 *   <li>A row whose link names an earlier row than the one stored before it, where nothing between them
 *       has already been reported, is <b>REORDERED</b>; without the key this only arises when two genuine
 *       records were chained after the same one (a fork, a bug of the writer). Such breaks that follow from
 *       a problem already reported (the far end of a moved row, the row after a forged one) are not
 *       reported again.
 *   <li>A row that links correctly but whose seq is not its predecessor's seq + 1 had its seq changed:
 *       <b>EDITED</b>. A seq gap before an EDITED row is also reported as MISSING.
 *   <li>Head: if the head's MAC is not that of any row and its seq is beyond the last row, the rows after
 *       the last one are <b>TRUNCATED</b>; any other disagreement (no head for a non-empty log, a head
 *       whose seq differs from the row its MAC names, rows after the head, a head naming an unknown row)
 *       is a <b>HEAD_MISMATCH</b>. A head rewritten together with the tail cannot be told from a genuine
 *       one; see {@link ChainHead}.
 * </ol>
 * Every deviation from an intact log yields at least one problem; the classification beyond that is the
 * most likely explanation, not a proof. At most {@link #MAX_LISTED_PROBLEMS} problems (those with the
 * lowest seqs) are listed, all are counted. Descriptions name seqs only, never record content.
 *
 * <p>Instances are immutable and thread-safe. The key is borrowed for each call and neither owned nor
 * wiped here.
 */
public final class AuditChain {

    public static final int MAC_LENGTH = 32;
    /** HMAC-SHA256 keys shorter than the hash output would weaken the MAC. */
    public static final int MIN_KEY_LENGTH = 32;
    /** How many rows apart a row and its chain predecessor may be stored and still be reported as REORDERED. */
    public static final int REORDER_WINDOW = 1024;
    public static final int MAX_LISTED_PROBLEMS = 100;

    private final SecretBytes macKey;
    private final int window;

    public AuditChain(SecretBytes macKey) {
        this(macKey, REORDER_WINDOW);
    }

    /** For tests of the window's edge; production uses {@link #REORDER_WINDOW}. */
    AuditChain(SecretBytes macKey, int window) {
        this.macKey = Objects.requireNonNull(macKey, "macKey");
        if (macKey.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("audit MAC key must be at least " + MIN_KEY_LENGTH + " bytes");
        }
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2");
        }
        this.window = window;
    }

    /** The previous MAC of the first record: {@link #MAC_LENGTH} zero bytes, a fresh array each call. */
    public static byte[] genesis() {
        return new byte[MAC_LENGTH];
    }

    /** The MAC of a new record chained after the record whose MAC is {@code prevMac}. */
    public byte[] link(byte[] prevMac, AuditContent content) {
        Objects.requireNonNull(prevMac, "prevMac");
        Objects.requireNonNull(content, "content");
        if (prevMac.length != MAC_LENGTH) {
            throw new IllegalArgumentException("prevMac must be " + MAC_LENGTH + " bytes, not " + prevMac.length);
        }
        return new AuditMac(macKey).compute(prevMac, content.canonicalBytes());
    }

    /**
     * Checks a stored log against the rules in the class comment.
     *
     * @param recordsInSeqOrder every row, ordered by stored seq ascending; read once, never retained
     * @param head              the head row, or null if there is none
     */
    public ChainVerification verify(Iterator<StoredRecord> recordsInSeqOrder, ChainHead head) {
        Objects.requireNonNull(recordsInSeqOrder, "recordsInSeqOrder");
        ChainVerifier verifier = new ChainVerifier(new AuditMac(macKey), window, MAX_LISTED_PROBLEMS);
        while (recordsInSeqOrder.hasNext()) {
            verifier.accept(Objects.requireNonNull(recordsInSeqOrder.next(), "record"));
        }
        return verifier.finish(head);
    }
}
