package org.keyhaven.monitor.syslog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Syslog over a stream socket, plain TCP or TLS, with RFC 6587 octet-counting framing: each message is sent as its
 * length in bytes (ASCII decimal), a space, then the message, so a message may hold any byte (RFC 5425 section 4.3
 * frames TLS the same way). A collector never writes back, so a read that ends or fails means it has gone: that is
 * what {@link #stillConnected()} looks for.
 */
final class StreamSender implements SyslogSender {

    private static final int PROBE_MILLIS = 1;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    StreamSender(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.in = socket.getInputStream();
    }

    @Override
    public void send(List<byte[]> messages) throws IOException {
        for (byte[] message : messages) {
            out.write(frameHeader(message));
            out.write(message);
        }
        out.flush();
    }

    /** {@code LEN SP}: the octet count of the message and one space. */
    static byte[] frameHeader(byte[] message) {
        return (message.length + " ").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean stillConnected() {
        if (socket.isClosed()) {
            return false;
        }
        try {
            socket.setSoTimeout(PROBE_MILLIS);
            // end of stream: the collector closed; a byte it sent (none should) is dropped
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean confirmsByConnection() {
        return true;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is left to do with it
        }
    }
}
