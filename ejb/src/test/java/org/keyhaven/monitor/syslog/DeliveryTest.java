package org.keyhaven.monitor.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.monitor.syslog.Delivery.Result;
import org.keyhaven.testing.ManualClock;

/**
 * Forwarding from the durable cursor against real sockets on loopback: in order, nothing lost while the collector is
 * away, unconfirmed records sent again when a connection turns out to have died, the cursor moved only for what
 * is confirmed, the backlog alarm, and destinations that are disabled, deleted or tampered with.
 */
class DeliveryTest {

    private static final Duration CONFIRM_AFTER = Duration.ofMillis(500);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
    }

    @Test
    void recordsArriveInOrderAndTheCursorMovesOnlyOnceTheOpenConnectionConfirmsThem() throws IOException {
        TestCollector collector = collector(0);
        InMemoryStore store = new InMemoryStore(tcp(collector.port()));
        store.chainUpTo(3);
        Delivery delivery = delivery(store);

        assertThat(delivery.round()).isEqualTo(Result.IDLE);

        await(() -> collector.messages().size() == 3);
        assertThat(collector.sequence()).containsExactly(1L, 2L, 3L);
        assertThat(collector.messages().get(0)).startsWith("<86>1 2026-03-01T10:15:31.123456Z test-host keyhaven - "
                + "key.create [keyhaven@32473 seq=\"1\" ");
        assertThat(store.cursor).as("sent but not yet confirmed").isZero();
        delivery.round();
        assertThat(store.cursor).as("too early to confirm").isZero();

        clock.advance(CONFIRM_AFTER);
        assertThat(delivery.round()).isEqualTo(Result.IDLE);

        assertThat(store.cursor).isEqualTo(3);
        assertThat(store.lastSentAt).isNotNull();
        assertThat(collector.messages()).hasSize(3);
        assertThat(collector.connectionsAccepted()).isOne();
    }

    @Test
    void whileTheCollectorIsDownRecordsWaitAndWhenItReturnsAllArriveInOrder() throws IOException {
        int port = freePort();
        InMemoryStore store = new InMemoryStore(tcp(port));
        store.chainUpTo(2);
        Delivery delivery = delivery(store);

        assertThat(delivery.round()).isEqualTo(Result.FAILED);
        store.chainUpTo(5);
        assertThat(delivery.round()).isEqualTo(Result.FAILED);

        assertThat(store.cursor).isZero();
        assertThat(delivery.backlog()).isEqualTo(5);
        assertThat(store.failures).as("the same error is stored once").singleElement().asString()
                .startsWith("ConnectException");
        assertThat(store.lastError).isNotNull();

        TestCollector collector = collector(port);
        assertThat(delivery.round()).isEqualTo(Result.IDLE);
        await(() -> collector.messages().size() == 5);
        clock.advance(CONFIRM_AFTER);
        delivery.round();

        assertThat(collector.sequence()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(store.cursor).isEqualTo(5);
        assertThat(store.lastError).isNull();
        assertThat(delivery.backlog()).isZero();
    }

    @Test
    void recordsSentToACollectorThatThenWentAwayAreSentAgainToItsSuccessor() throws Exception {
        TestCollector first = collector(0);
        int port = first.port();
        InMemoryStore store = new InMemoryStore(tcp(port));
        store.chainUpTo(3);
        Delivery delivery = delivery(store);
        delivery.round();
        await(() -> first.messages().size() == 3);

        first.close();
        Thread.sleep(200);
        store.chainUpTo(5);
        TestCollector second = collector(port);
        clock.advance(CONFIRM_AFTER);
        assertThat(delivery.round()).isEqualTo(Result.IDLE);

        assertThat(store.cursor).as("the closed connection confirmed nothing").isZero();
        await(() -> second.messages().size() == 5);
        assertThat(second.sequence()).containsExactly(1L, 2L, 3L, 4L, 5L);
        clock.advance(CONFIRM_AFTER);
        delivery.round();
        assertThat(store.cursor).isEqualTo(5);
    }

    @Test
    void overUdpTheCursorMovesAsSoonAsTheDatagramsAreSent() throws IOException {
        DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        cleanup.add(receiver);
        receiver.setSoTimeout(5000);
        InMemoryStore store = new InMemoryStore(DestinationSpec.of("udp", "UDP", "127.0.0.1",
                receiver.getLocalPort(), "CEF", null));
        store.chainUpTo(2);
        Delivery delivery = delivery(store);

        assertThat(delivery.round()).isEqualTo(Result.IDLE);

        assertThat(store.cursor).isEqualTo(2);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            receiver.receive(packet);
            received.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
        assertThat(received).allSatisfy(message -> assertThat(message).startsWith("<86>1 ")
                .contains(" - CEF:0|Keyhaven|Keyhaven|test|key.create|key.create|3|"));
        assertThat(received.get(0)).contains(" cn1=1 cn1Label=seq ");
        assertThat(received.get(1)).contains(" cn1=2 cn1Label=seq ");
    }

    @Test
    void aBacklogIsSentInFullBatchesOneRightAfterTheOtherUpTo20Unconfirmed() throws IOException {
        TestCollector collector = collector(0);
        InMemoryStore store = new InMemoryStore(tcp(collector.port()));
        long total = (long) Delivery.BATCH * (Delivery.MAX_UNCONFIRMED + 1) + 7;
        store.chainUpTo(total);
        Delivery delivery = delivery(store);

        for (int batch = 0; batch < Delivery.MAX_UNCONFIRMED; batch++) {
            assertThat(delivery.round()).isEqualTo(Result.MORE);
        }
        assertThat(delivery.round()).isEqualTo(Result.WAITING);
        clock.advance(CONFIRM_AFTER);
        assertThat(delivery.round()).isEqualTo(Result.MORE);
        assertThat(store.cursor).isEqualTo((long) Delivery.BATCH * Delivery.MAX_UNCONFIRMED);
        assertThat(delivery.round()).isEqualTo(Result.IDLE);

        await(() -> collector.messages().size() == total);
        assertThat(collector.sequence()).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    }

    @Test
    void theBacklogAlarmIsAuditedOnceWhenItReachesTheThresholdAndClearedWhenItDrains() throws IOException {
        int port = freePort();
        InMemoryStore store = new InMemoryStore(tcp(port));
        store.backlogAlarm = 3;
        store.chainUpTo(2);
        Delivery delivery = delivery(store);
        delivery.round();
        assertThat(store.alarms).isEmpty();

        store.chainUpTo(4);
        delivery.round();
        delivery.round();
        assertThat(store.alarms).containsExactly("raised 4");

        TestCollector collector = collector(port);
        delivery.round();
        await(() -> collector.messages().size() == 4);
        clock.advance(CONFIRM_AFTER);
        delivery.round();
        delivery.round();

        assertThat(store.alarms).containsExactly("raised 4", "cleared 0");
    }

    @Test
    void aDisabledDestinationGetsNothingAndKeepsItsCursorUntilEnabledAgain() throws IOException {
        TestCollector collector = collector(0);
        InMemoryStore store = new InMemoryStore(tcp(collector.port()));
        store.enabled = false;
        store.chainUpTo(3);
        Delivery delivery = delivery(store);

        assertThat(delivery.round()).isEqualTo(Result.DISABLED);
        assertThat(store.cursor).isZero();
        assertThat(collector.connectionsAccepted()).isZero();

        store.enabled = true;
        delivery.round();
        await(() -> collector.messages().size() == 3);
    }

    @Test
    void aDestinationThatFailsItsIntegrityCheckGetsNothingAndTheRefusalIsAuditedOnce() throws IOException {
        TestCollector collector = collector(0);
        InMemoryStore store = new InMemoryStore(tcp(collector.port()));
        store.chainUpTo(3);
        store.loadFailure = new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION, "row MAC mismatch", InMemoryStore.ID);
        Delivery delivery = delivery(store);

        assertThat(delivery.round()).isEqualTo(Result.REFUSED);
        store.loadFailure = new IllegalStateException("wrapped by the container", store.loadFailure);
        assertThat(delivery.round()).isEqualTo(Result.REFUSED);

        assertThat(store.refusals).containsExactly(InMemoryStore.ID);
        assertThat(collector.connectionsAccepted()).isZero();
    }

    @Test
    void otherLoadFailuresReachTheCaller() {
        InMemoryStore store = new InMemoryStore(tcp(514));
        store.loadFailure = new IllegalStateException("database down");

        assertThatThrownBy(delivery(store)::round).hasMessage("database down");
        assertThat(store.refusals).isEmpty();
    }

    @Test
    void aDeletedDestinationEndsItsDelivery() {
        InMemoryStore store = new InMemoryStore(tcp(514));
        store.deleted = true;

        assertThat(delivery(store).round()).isEqualTo(Result.GONE);
    }

    @Test
    void aChangedAddressIsUsedFromTheNextRecordOn() throws IOException {
        TestCollector before = collector(0);
        TestCollector after = collector(0);
        InMemoryStore store = new InMemoryStore(tcp(before.port()));
        store.chainUpTo(2);
        Delivery delivery = delivery(store);
        delivery.round();
        await(() -> before.messages().size() == 2);
        clock.advance(CONFIRM_AFTER);
        delivery.round();

        store.spec = tcp(after.port());
        store.chainUpTo(3);
        delivery.round();

        await(() -> after.messages().size() == 1);
        assertThat(after.sequence()).containsExactly(3L);
        assertThat(before.messages()).hasSize(2);
    }

    @Test
    void aWriteThatHangsCanBeAbortedFromAnotherThreadAndTheRecordsWait() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        SyslogSender hanging = new SyslogSender() {
            @Override
            public void send(List<byte[]> messages) throws IOException {
                try {
                    closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Socket closed");
            }

            @Override
            public boolean stillConnected() {
                return false;
            }

            @Override
            public boolean confirmsByConnection() {
                return true;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
        InMemoryStore store = new InMemoryStore(tcp(514));
        store.chainUpTo(1);
        Delivery delivery = new Delivery(InMemoryStore.ID, store, spec -> hanging, this::formatter, clock,
                CONFIRM_AFTER);

        CompletableFuture<Result> round = CompletableFuture.supplyAsync(delivery::round);
        await(() -> delivery.sendingSince() != null);
        delivery.abort();

        assertThat(round.get(5, TimeUnit.SECONDS)).isEqualTo(Result.FAILED);
        assertThat(delivery.sendingSince()).isNull();
        assertThat(store.failures).containsExactly("IOException: Socket closed");
        assertThat(store.cursor).isZero();
    }

    private Delivery delivery(InMemoryStore store) {
        return new Delivery(InMemoryStore.ID, store, new Senders(Duration.ofSeconds(2))::open, this::formatter, clock,
                CONFIRM_AFTER);
    }

    private RecordFormatter formatter(SyslogFormat format) {
        return format == SyslogFormat.CEF ? new CefFormatter("test-host", "test") : new Rfc5424Formatter("test-host");
    }

    private TestCollector collector(int port) throws IOException {
        TestCollector collector = TestCollector.tcp(port);
        cleanup.add(collector);
        return collector;
    }

    private static DestinationSpec tcp(int port) {
        return DestinationSpec.of("siem", "TCP", "127.0.0.1", port, null, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
