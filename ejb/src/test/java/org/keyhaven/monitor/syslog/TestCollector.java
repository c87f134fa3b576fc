package org.keyhaven.monitor.syslog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syslog collector on loopback for tests: accepts TCP (or TLS) connections and reads RFC 6587 octet-counted
 * frames, keeping every message. {@link #close()} ends it the way a collector process that exits does: the
 * listening socket and every connection are closed.
 */
final class TestCollector implements AutoCloseable {

    private static final Pattern SEQ = Pattern.compile(" seq=\"(\\d+)\"");

    private final ServerSocket server;
    private final List<String> messages = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile int accepted;

    private TestCollector(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "test-collector-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A plain TCP collector on the port (0: any free one). */
    static TestCollector tcp(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new TestCollector(server);
    }

    /** A collector over an already bound (TLS) server socket. */
    static TestCollector over(ServerSocket server) {
        return new TestCollector(server);
    }

    int port() {
        return server.getLocalPort();
    }

    int connectionsAccepted() {
        return accepted;
    }

    List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The {@code seq} of every message, in arrival order. */
    List<Long> sequence() {
        List<Long> seqs = new ArrayList<>();
        for (String message : messages()) {
            Matcher matcher = SEQ.matcher(message);
            seqs.add(matcher.find() ? Long.parseLong(matcher.group(1)) : -1L);
        }
        return seqs;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed either way
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed either way
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                accepted++;
                Thread reader = new Thread(() -> read(socket), "test-collector-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ' ') {
                    if (c < 0) {
                        return;
                    }
                    if (c < '0' || c > '9') {
                        throw new IOException("not an octet count: " + (char) c);
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    return;
                }
                synchronized (messages) {
                    messages.add(new String(message, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            connections.remove(socket);
        }
    }
}
