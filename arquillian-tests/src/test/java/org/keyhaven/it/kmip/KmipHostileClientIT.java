package org.keyhaven.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.it.kmip.Kmip.item;
import static org.keyhaven.it.kmip.Kmip.only;
import static org.keyhaven.it.kmip.Kmip.request;
import static org.keyhaven.it.kmip.Kmip.succeeded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.application.Fixtures;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.KmipClient;
import org.keyhaven.kmip.message.Operation;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * A client that misbehaves on the KMIP port: garbage, oversized frames, a message that never finishes, a stream of
 * mutated messages, more connections than the server allows. Each gets an Invalid Message answer or a clean close
 * within the server's timeouts, and the server goes on serving everyone else. (The IT server runs with a 3 s
 * message timeout and at most 24 connections.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KmipHostileClientIT {

    private static final int MAX_CONNECTIONS = 24;

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void garbageAndAnOversizedFrameAreAnsweredWithInvalidMessageAndTheConnectionIsClosed() {
        ClientCredentials client = ClientIdentities.create(Fixtures.officer(), "kmip-hostile");
        try (KmipClient kmip = KmipClient.connect(client)) {
            TtlvStructure answer = only(kmip.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)).orElseThrow());
            assertThat(Kmip.reason(answer)).isEqualTo(ResultReason.INVALID_MESSAGE.code());
            assertThat(closed(kmip)).isTrue();
        }
        try (KmipClient kmip = KmipClient.connect(client)) {
            byte[] huge = {0x42, 0x00, 0x78, 0x01, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF8};
            TtlvStructure answer = only(kmip.sendRaw(huge).orElseThrow());
            assertThat(Kmip.reason(answer)).isEqualTo(ResultReason.INVALID_MESSAGE.code());
            assertThat(Kmip.message(answer)).contains("limit");
            assertThat(closed(kmip)).isTrue();
        }
    }

    @Test
    void aMessageThatNeverFinishesIsCutOffAfterTheMessageTimeout() throws IOException {
        ClientCredentials client = ClientIdentities.create(Fixtures.officer(), "kmip-slow");
        try (KmipClient kmip = KmipClient.connect(client)) {
            kmip.socket().getOutputStream().write(new byte[] {0x42, 0x00, 0x78, 0x01, 0, 0, 0, 64, 0x42});
            kmip.socket().getOutputStream().flush();
            long started = System.nanoTime();
            kmip.socket().setSoTimeout(20_000);

            boolean closed = closed(kmip);

            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(closed).isTrue();
            assertThat(seconds).isBetween(2L, 10L);
        }
    }

    @Test
    void aStreamOfMutatedMessagesGetsAnswersOrCleanClosesAndTheServerGoesOn() {
        ClientCredentials client = ClientIdentities.create(Fixtures.officer(), "kmip-fuzz");
        byte[] valid = TtlvEncoder.encode(request(ProtocolVersion.V1_4, Kmip.createAes(128, Kmip.ENCRYPT_DECRYPT,
                null), item(Operation.GET), item(Operation.GET_ATTRIBUTES)));
        Random random = new Random(5696);
        int answered = 0;
        int closes = 0;
        KmipClient kmip = KmipClient.connect(client);
        try {
            for (int i = 0; i < 150; i++) {
                byte[] mutated = valid.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    mutated[8 + random.nextInt(mutated.length - 8)] ^= (byte) (1 << random.nextInt(8));
                }
                Optional<TtlvStructure> answer = sendOrClosed(kmip, mutated);
                if (answer.isPresent()) {
                    assertThat(Kmip.items(answer.get())).isNotEmpty();
                    answered++;
                } else {
                    closes++;
                    kmip.close();
                    kmip = KmipClient.connect(client);
                }
            }
            assertThat(answered).isGreaterThan(closes);
            succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DISCOVER_VERSIONS)))));
        } finally {
            kmip.close();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndServiceResumesWhenOthersEnd() {
        ClientCredentials client = ClientIdentities.create(Fixtures.officer(), "kmip-many");
        List<KmipClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                open.add(KmipClient.connect(client));
            }
            boolean refused;
            try (KmipClient extra = KmipClient.connect(client)) {
                refused = sendOrClosed(extra, TtlvEncoder.encode(request(ProtocolVersion.V1_4,
                        item(Operation.DISCOVER_VERSIONS)))).isEmpty();
            } catch (UncheckedIOException e) {
                refused = true;
            }
            assertThat(refused).as("a connection beyond the limit is closed").isTrue();
        } finally {
            open.forEach(KmipClient::close);
        }
        try (KmipClient again = awaitConnection(client)) {
            succeeded(only(again.send(request(ProtocolVersion.V1_4, item(Operation.DISCOVER_VERSIONS)))));
        }
    }

    private static KmipClient awaitConnection(ClientCredentials client) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            KmipClient kmip = KmipClient.connect(client);
            if (sendOrClosed(kmip, TtlvEncoder.encode(request(ProtocolVersion.V1_4,
                    item(Operation.DISCOVER_VERSIONS)))).isPresent() || System.nanoTime() > deadline) {
                return kmip;
            }
            kmip.close();
        }
    }

    private static Optional<TtlvStructure> sendOrClosed(KmipClient kmip, byte[] bytes) {
        try {
            return kmip.sendRaw(bytes);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Whether the server closes the connection (end of stream, or a reset) rather than leaving it open. */
    private static boolean closed(KmipClient kmip) {
        try {
            InputStream in = kmip.socket().getInputStream();
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
