package org.keyhaven.audit;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.keyhaven.audit.ChainProblem.Kind;

/**
 * One pass of {@link AuditChain#verify}; the rules are documented there. Single use, not thread-safe.
 *
 * <p>Memory is bounded by the window: the last {@code window} rows (seq and MACs), the run of rows that
 * failed their MAC since the last good one (at most {@code window - 1}), the links not yet found (each
 * given up after {@code window} rows), and the listed problems.
 *
 * <p>Only stored MACs and previous MACs, which anyone with the database can read, are used as hash keys.
 * The MAC recomputed for a row that fails its own MAC is the value a forger would need, so it is only ever
 * compared in constant time.
 */
final class ChainVerifier {

    private final AuditMac mac;
    private final int window;
    private final Problems problems;

    /** The virtual row before the first: seq 0, MAC genesis. Stays in the window like any row. */
    private final Entry start = new Entry(-1, 0, AuditChain.genesis(), AuditChain.genesis(), null);
    private final ArrayDeque<Entry> recent = new ArrayDeque<>();
    private final Map<MacKey, Entry> byMac = new HashMap<>();
    /** Rows that failed their MAC since the last row that verified, awaiting classification. */
    private final ArrayDeque<Entry> run = new ArrayDeque<>();
    /** The last row that holds a place in the chain (not FORGED): the predecessor of the run. */
    private Entry chained = start;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Map<MacKey, List<Pending>> pendingByLink = new HashMap<>();

    private long count;
    private long lastSeq;
    /** Index of the latest row that an emitted (or certainly emitted) problem concerns. */
    private long lastInvolved = Long.MIN_VALUE;

    ChainVerifier(AuditMac mac, int window, int maxListed) {
        this.mac = mac;
        this.window = window;
        this.problems = new Problems(maxListed);
        remember(start);
    }

    void accept(StoredRecord record) {
        long index = count++;
        lastSeq = record.seq();
        expirePending(index);

        byte[] prevMac = record.prevMac();
        byte[] storedMac = record.mac();
        byte[] computed = prevMac.length == AuditChain.MAC_LENGTH
                ? mac.compute(prevMac, record.content().canonicalBytes())
                : null;
        boolean verifies = computed != null && MessageDigest.isEqual(computed, storedMac);
        Entry entry = new Entry(index, record.seq(), storedMac, prevMac, verifies ? null : computed);

        long involvedBefore = lastInvolved;
        resolvePending(entry);
        if (verifies) {
            acceptVerified(entry, involvedBefore);
        } else {
            involve(entry);
            if (run.size() == window - 1) {
                Entry oldest = run.removeFirst();
                chained = classifyEdited(oldest, chained, Linkage.UNKNOWN, null);
            }
            run.addLast(entry);
        }
        remember(entry);
    }

    ChainVerification finish(ChainHead head) {
        if (!run.isEmpty()) {
            classifyRunBy(head == null ? null : head.mac(), head == null ? 0 : head.seq(), "the head");
        }
        while (!pending.isEmpty()) {
            Pending open = pending.removeFirst();
            if (!open.resolved) {
                reportMissing(open);
            }
        }
        checkHead(head);
        return problems.result(count, lastSeq);
    }

    private void acceptVerified(Entry entry, long involvedBefore) {
        Entry original = byMac.get(new MacKey(entry.mac));
        if (original != null && original.verifies()) {
            entry.duplicate = true;
            involve(entry);
            problems.add(Kind.FORGED, entry.seq, "Record seq " + entry.seq + " is forged: it is a copy of record seq "
                    + original.seq + " (same MAC), a replayed row");
            return;
        }

        Entry linked = classifyRunBy(entry.prevMac, entry.seq - 1, "record seq " + entry.seq);
        if (linked == null) {
            involve(entry);
            Pending open = new Pending(entry, chained);
            pending.addLast(open);
            pendingByLink.computeIfAbsent(new MacKey(entry.prevMac), k -> new ArrayList<>(1)).add(open);
        } else if (linked == chained) {
            long expected = linked.seq + 1;
            if (entry.seq != expected && involvedBefore < linked.index) {
                involve(entry);
                problems.add(Kind.EDITED, entry.seq, "Record seq " + entry.seq + " had its seq edited: in the chain it"
                        + " directly follows " + name(linked) + ", so its seq should be " + expected
                        + " (seq values were renumbered)");
            }
        } else if (involvedBefore <= linked.index) {
            involve(entry);
            String where = linked == start
                    ? "it is the first record of the chain"
                    : "in the chain it follows record seq " + linked.seq;
            problems.add(Kind.REORDERED, entry.seq, "Record seq " + entry.seq + " is out of order: " + where
                    + ", but it is stored after record seq " + chained.seq + "; either the rows stored in between were"
                    + " moved there, or two records were chained after " + name(linked) + " (a writer race)");
        }
        chained = entry;
    }

    /**
     * Classifies the run of rows that failed their MAC by the link of what follows them, and returns the
     * row that link names (null if it names none within the window).
     *
     * @param successorLink the previous MAC of the verified row after the run, or the head's MAC
     * @param linkedSeq     the seq of the row that link should name, by the successor's own seq
     * @param successor     that row or the head, in words
     */
    private Entry classifyRunBy(byte[] successorLink, long linkedSeq, String successor) {
        if (successorLink == null) {
            classifyRunUnlinked();
            return null;
        }
        Entry target = null;
        Linkage linkage = null;
        for (Entry candidate : run) {
            if (Arrays.equals(successorLink, candidate.mac)) {
                target = candidate;
                linkage = Linkage.STORED_MAC;
            } else if (candidate.computed != null && MessageDigest.isEqual(successorLink, candidate.computed)) {
                target = candidate;
                linkage = Linkage.COMPUTED_MAC;
            }
        }
        Entry last = run.peekLast();
        if (target == null && last != null && last.computed == null && last.seq == linkedSeq
                && byMac.get(new MacKey(successorLink)) == null) {
            // Its previous-MAC column is unusable, so the MAC it should have cannot be recomputed; a row in
            // the right seq place that the chain cannot otherwise reach is taken to be the row linked to.
            target = last;
            linkage = Linkage.UNVERIFIABLE;
        }
        if (target != null) {
            Entry predecessor = chained;
            while (!run.isEmpty()) {
                Entry row = run.removeFirst();
                if (row == target) {
                    predecessor = classifyEdited(row, predecessor, linkage, successor);
                } else if (row.index < target.index) {
                    predecessor = classifyEdited(row, predecessor, Linkage.INSIDE_RUN, null);
                } else {
                    reportForged(row, target, successor);
                }
            }
            chained = predecessor;
            return target;
        }
        Entry earlier = byMac.get(new MacKey(successorLink));
        if (earlier == null) {
            classifyRunUnlinked();
            return null;
        }
        while (!run.isEmpty()) {
            reportForged(run.removeFirst(), earlier, successor);
        }
        return earlier;
    }

    private void classifyRunUnlinked() {
        while (!run.isEmpty()) {
            chained = classifyEdited(run.removeFirst(), chained, Linkage.UNKNOWN, null);
        }
    }

    /** How the chain reaches a row that failed its MAC. */
    private enum Linkage {
        /** What follows links to its stored MAC: the row holds its place, its content or link changed. */
        STORED_MAC,
        /** What follows links to the MAC its content yields: only its MAC column changed. */
        COMPUTED_MAC,
        /** Its previous-MAC column is unusable, but it sits where the row linked to should be. */
        UNVERIFIABLE,
        /** A later row of the same run holds a place in the chain, so this one presumably does too. */
        INSIDE_RUN,
        /** Nothing known links to it. */
        UNKNOWN
    }

    /** Reports {@code row} as EDITED and returns it as the new chain predecessor. */
    private Entry classifyEdited(Entry row, Entry predecessor, Linkage linkage, String successor) {
        String what = switch (linkage) {
            case COMPUTED_MAC -> "its stored MAC was altered (" + successor + " links to the MAC its content yields)";
            case STORED_MAC -> Arrays.equals(row.prevMac, predecessor.mac)
                    ? "its content no longer matches its MAC"
                    : "it no longer matches its MAC, and its previous-record MAC does not name " + name(predecessor);
            case UNVERIFIABLE -> "its previous-record MAC column is missing or malformed, so its MAC cannot be"
                    + " checked";
            case INSIDE_RUN -> "it no longer matches its MAC";
            case UNKNOWN -> "it does not match its MAC (nothing links to it, so it may also be a forged row)";
        };
        problems.add(Kind.EDITED, row.seq, "Record seq " + row.seq + " was edited: " + what);
        if (row.seq > predecessor.seq + 1) {
            problems.add(Kind.MISSING, predecessor.seq + 1, capitalised(range(predecessor.seq + 1, row.seq - 1))
                    + " missing: the seqs jump from " + predecessor.seq + " to the edited record seq " + row.seq);
        }
        return row;
    }

    private void reportForged(Entry row, Entry skippedTo, String successor) {
        problems.add(Kind.FORGED, row.seq, "Record seq " + row.seq + " is forged: it does not match its MAC and the"
                + " chain skips it (" + successor + " links to " + name(skippedTo) + ")");
    }

    private void resolvePending(Entry entry) {
        List<Pending> waiting = pendingByLink.remove(new MacKey(entry.mac));
        if (waiting == null) {
            return;
        }
        for (Pending open : waiting) {
            open.resolved = true;
            problems.add(Kind.REORDERED, open.row.seq, "Record seq " + open.row.seq + " is out of order: in the chain"
                    + " it follows record seq " + entry.seq + ", which is stored after it");
        }
        involve(entry);
    }

    private void expirePending(long index) {
        while (!pending.isEmpty() && index - pending.peekFirst().row.index > window) {
            Pending open = pending.removeFirst();
            if (open.resolved) {
                continue;
            }
            MacKey link = new MacKey(open.row.prevMac);
            List<Pending> waiting = pendingByLink.get(link);
            waiting.remove(open);
            if (waiting.isEmpty()) {
                pendingByLink.remove(link);
            }
            reportMissing(open);
        }
    }

    private void reportMissing(Pending open) {
        Entry row = open.row;
        long before = open.predecessor.seq;
        String notFound = "its previous-record MAC names no record within " + window + " rows";
        if (row.seq > before + 1) {
            String where = open.predecessor == start ? " at the start of the log" : "";
            problems.add(Kind.MISSING, before + 1, capitalised(range(before + 1, row.seq - 1)) + " missing" + where
                    + ": the seqs jump from " + before + " to " + row.seq + " and " + notFound);
        } else {
            String after = open.predecessor == start
                    ? "it is the first row but does not start the chain"
                    : "it does not follow record seq " + before;
            problems.add(Kind.MISSING, row.seq, "Records are missing before record seq " + row.seq + ": " + after
                    + ", " + notFound + ", and the seqs were renumbered to hide the gap, so how many is unknown");
        }
    }

    private void checkHead(ChainHead head) {
        if (head == null) {
            if (count > 0) {
                problems.add(Kind.HEAD_MISMATCH, lastSeq, "Head mismatch: there is no head row, but the log holds"
                        + " records up to seq " + lastSeq);
            }
            return;
        }
        byte[] headMac = head.mac();
        if (count == 0) {
            if (head.seq() > 0) {
                problems.add(Kind.TRUNCATED, 1, "Truncated: the log is empty, but the head names seq " + head.seq()
                        + ", so " + range(1, head.seq()) + " missing");
            } else if (head.seq() < 0 || !Arrays.equals(headMac, start.mac)) {
                problems.add(Kind.HEAD_MISMATCH, head.seq(), "Head mismatch: the log is empty, but the head names"
                        + " seq " + head.seq() + " and a record MAC");
            }
            return;
        }
        Entry last = chained;
        boolean namesLast = Arrays.equals(headMac, last.mac)
                || last.computed != null && MessageDigest.isEqual(headMac, last.computed);
        if (namesLast) {
            if (head.seq() != last.seq) {
                problems.add(Kind.HEAD_MISMATCH, last.seq, "Head mismatch: the head names seq " + head.seq()
                        + ", but its MAC is that of the last record, seq " + last.seq);
            }
            return;
        }
        Entry named = byMac.get(new MacKey(headMac));
        if (named != null) {
            boolean explained = lastInvolved > named.index;
            if (!explained || head.seq() != named.seq) {
                problems.add(Kind.HEAD_MISMATCH, named.seq, "Head mismatch: the head (seq " + head.seq()
                        + ") names " + name(named) + ", but records up to seq " + last.seq + " are stored after it");
            }
        } else if (head.seq() > last.seq) {
            problems.add(Kind.TRUNCATED, last.seq + 1, "Truncated: " + range(last.seq + 1, head.seq())
                    + " missing at the end: the last record is seq " + last.seq + ", but the head names seq "
                    + head.seq() + " and a MAC no stored record has");
        } else {
            problems.add(Kind.HEAD_MISMATCH, head.seq(), "Head mismatch: the head names seq " + head.seq()
                    + " and a MAC that no record within " + window + " rows of the end has; the last record is seq "
                    + last.seq);
        }
    }

    private void remember(Entry entry) {
        recent.addLast(entry);
        MacKey key = new MacKey(entry.mac);
        Entry known = byMac.get(key);
        if (known == null || !known.verifies() && entry.verifies()) {
            byMac.put(key, entry);
        }
        if (recent.size() > window) {
            Entry old = recent.removeFirst();
            byMac.remove(new MacKey(old.mac), old);
        }
    }

    private void involve(Entry entry) {
        lastInvolved = Math.max(lastInvolved, entry.index);
    }

    private String name(Entry entry) {
        return entry == start ? "the start of the chain" : "record seq " + entry.seq;
    }

    private static String range(long first, long last) {
        return first == last ? "record seq " + first + " is" : "records seq " + first + " to " + last + " are";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** What the verifier keeps of a row: position, seq and MACs; never content. */
    private static final class Entry {
        final long index;
        final long seq;
        final byte[] mac;
        final byte[] prevMac;
        /** The MAC the row's previous MAC and content yield, kept only when it differs from {@link #mac}. */
        final byte[] computed;
        boolean duplicate;

        Entry(long index, long seq, byte[] mac, byte[] prevMac, byte[] computed) {
            this.index = index;
            this.seq = seq;
            this.mac = mac;
            this.prevMac = prevMac;
            this.computed = computed;
        }

        boolean verifies() {
            return computed == null && !duplicate;
        }
    }

    /** A verified row whose link named no earlier row when it was read. */
    private static final class Pending {
        final Entry row;
        /** The row stored before it that holds a place in the chain. */
        final Entry predecessor;
        boolean resolved;

        Pending(Entry row, Entry predecessor) {
            this.row = row;
            this.predecessor = predecessor;
        }
    }

    private record MacKey(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof MacKey that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "MacKey";
        }
    }

    /** Counts every problem and keeps those with the lowest seqs, in order of discovery within a seq. */
    private static final class Problems {
        private record Numbered(long serial, ChainProblem problem) {
        }

        private static final Comparator<Numbered> ORDER = Comparator
                .comparingLong((Numbered n) -> n.problem().seq())
                .thenComparingLong(Numbered::serial);

        private final int maxListed;
        private final PriorityQueue<Numbered> lowest;
        private long total;

        Problems(int maxListed) {
            this.maxListed = maxListed;
            this.lowest = new PriorityQueue<>(ORDER.reversed());
        }

        void add(Kind kind, long seq, String description) {
            lowest.add(new Numbered(total++, new ChainProblem(kind, seq, description)));
            if (lowest.size() > maxListed) {
                lowest.poll();
            }
        }

        ChainVerification result(long recordsChecked, long lastSeq) {
            List<ChainProblem> listed = lowest.stream().sorted(ORDER).map(Numbered::problem).toList();
            return new ChainVerification(total == 0, recordsChecked, lastSeq, listed, total);
        }
    }
}
