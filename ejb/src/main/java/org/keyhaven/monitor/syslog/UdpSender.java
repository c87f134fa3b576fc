package org.keyhaven.monitor.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Syslog over UDP (RFC 5426): one message per datagram, no framing, no acknowledgement. The socket is connected to
 * the collector, so that the ICMP "port unreachable" of a collector that is down fails a later send instead of
 * vanishing; beyond that, delivery is best effort.
 */
final class UdpSender implements SyslogSender {

    private final DatagramSocket socket;

    UdpSender(String host, int port) throws IOException {
        socket = new DatagramSocket();
        try {
            socket.connect(new InetSocketAddress(host, port));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void send(List<byte[]> messages) throws IOException {
        for (byte[] message : messages) {
            socket.send(new DatagramPacket(message, message.length));
        }
    }

    @Override
    public boolean stillConnected() {
        return !socket.isClosed();
    }

    @Override
    public boolean confirmsByConnection() {
        return false;
    }

    @Override
    public void close() {
        socket.close();
    }
}
