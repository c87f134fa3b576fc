package org.keyhaven.kmip.server;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.BlockCiphers;
import org.keyhaven.crypto.ops.RandomBytes;

/**
 * The multi-part cryptographic operations in progress (KMIP Correlation Value), each bound to the client and key that
 * started it. Bounded: at most {@value #PER_CLIENT} per client and {@value #TOTAL} in all; a stream idle for five
 * minutes is closed (its key copy wiped) when the next one starts or continues.
 */
@ApplicationScoped
public class CipherStreams {

    static final int PER_CLIENT = 16;
    static final int TOTAL = 1024;
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final Map<String, Entry> streams = new ConcurrentHashMap<>();

    /** A stream and whose it is. */
    record Entry(String owner, String keyId, boolean encrypt, BlockCiphers.Stream stream, Instant lastUsed) {
    }

    /** Registers a started stream; its Correlation Value. */
    public byte[] add(String owner, String keyId, boolean encrypt, BlockCiphers.Stream stream) {
        expire();
        long mine = streams.values().stream().filter(entry -> entry.owner().equals(owner)).count();
        if (mine >= PER_CLIENT || streams.size() >= TOTAL) {
            stream.close();
            throw new KeyhavenException(ErrorCode.SERVER_BUSY, "too many multi-part operations in progress; finish"
                    + " some first");
        }
        byte[] correlation = RandomBytes.generate(16);
        streams.put(HexFormat.of().formatHex(correlation), new Entry(owner, keyId, encrypt, stream, Instant.now()));
        return correlation;
    }

    /**
     * The stream of this Correlation Value, if the caller started it on this key in this direction; taken out
     * until {@link #putBack} so that two parts never run at once.
     */
    public Entry take(byte[] correlation, String owner, String keyId, boolean encrypt) {
        expire();
        String id = HexFormat.of().formatHex(correlation);
        Entry entry = streams.remove(id);
        if (entry == null || !entry.owner().equals(owner) || !entry.keyId().equals(keyId)
                || entry.encrypt() != encrypt) {
            if (entry != null) {
                streams.put(id, entry);
            }
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "no multi-part operation with that Correlation"
                    + " Value for this key");
        }
        return entry;
    }

    public void putBack(byte[] correlation, Entry entry) {
        streams.put(HexFormat.of().formatHex(correlation), new Entry(entry.owner(), entry.keyId(), entry.encrypt(),
                entry.stream(), Instant.now()));
    }

    private void expire() {
        Instant cutoff = Instant.now().minus(IDLE);
        streams.entrySet().removeIf(entry -> {
            if (entry.getValue().lastUsed().isBefore(cutoff)) {
                entry.getValue().stream().close();
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    void closeAll() {
        streams.values().forEach(entry -> entry.stream().close());
        streams.clear();
    }
}
