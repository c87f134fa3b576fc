package org.keyhaven.kmip.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads a socket with two limits: while waiting for the first byte of a message the idle timeout applies; once a
 * message has begun, all of it must arrive within the message timeout, however slowly a client trickles bytes.
 * {@link #nextMessage()} starts the wait for the next message.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final Duration idleTimeout;
    private final Duration messageTimeout;
    private long deadlineNanos;
    private boolean started;

    DeadlineInputStream(Socket socket, InputStream in, Duration idleTimeout, Duration messageTimeout) {
        super(in);
        this.socket = socket;
        this.idleTimeout = idleTimeout;
        this.messageTimeout = messageTimeout;
    }

    void nextMessage() {
        started = false;
    }

    @Override
    public int read() throws IOException {
        arm();
        int value = super.read();
        begun(value >= 0 ? 1 : 0);
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        int read = super.read(buffer, offset, length);
        begun(read);
        return read;
    }

    private void arm() throws IOException {
        if (!started) {
            socket.setSoTimeout(Math.toIntExact(idleTimeout.toMillis()));
            return;
        }
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("the message did not arrive within " + messageTimeout.toSeconds() + " s");
        }
        socket.setSoTimeout((int) Math.min(remaining, Integer.MAX_VALUE));
    }

    private void begun(int read) {
        if (!started && read > 0) {
            started = true;
            deadlineNanos = System.nanoTime() + messageTimeout.toNanos();
        }
    }
}
