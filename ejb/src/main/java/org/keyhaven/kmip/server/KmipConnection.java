package org.keyhaven.kmip.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.ttlv.TtlvDecoder;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvException;
import org.keyhaven.kmip.ttlv.TtlvFrameReader;
import org.keyhaven.kmip.ttlv.TtlvLimits;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * One client connection: the TLS handshake (a client certificate is required), then request after request until
 * the client closes, stays idle too long or breaks the framing. Every message is answered: a message that does not
 * decode gets an Invalid Message response and the connection goes on; only a broken frame (the next message cannot
 * be found) ends it, after a last response. The client is authenticated again at every message, so a revoked
 * certificate or disabled client stops working on open connections too.
 */
final class KmipConnection implements Runnable {

    private static final Logger LOG = Logger.getLogger(KmipConnection.class.getName());

    private final Socket accepted;
    private final KmipListener listener;

    KmipConnection(Socket accepted, KmipListener listener) {
        this.accepted = accepted;
        this.listener = listener;
    }

    @Override
    public void run() {
        String peer = accepted.getInetAddress().getHostAddress();
        try (SSLSocket socket = listener.tls().wrap(accepted)) {
            socket.setSoTimeout(Math.toIntExact(listener.settings().messageTimeout().toMillis()));
            socket.startHandshake();
            X509Certificate[] chain = peerChain(socket);
            serve(socket, chain, peer);
        } catch (SocketTimeoutException e) {
            LOG.fine(() -> "KMIP connection from " + peer + " timed out");
        } catch (SSLException e) {
            LOG.fine(() -> "KMIP TLS handshake with " + peer + " failed: " + e.getMessage());
        } catch (IOException e) {
            LOG.fine(() -> "KMIP connection from " + peer + " ended: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "KMIP connection from " + peer + " failed unexpectedly", e);
        } finally {
            listener.closed(accepted);
        }
    }

    private void serve(SSLSocket socket, X509Certificate[] chain, String peer) throws IOException {
        KmipSettings settings = listener.settings();
        DeadlineInputStream in = new DeadlineInputStream(socket, socket.getInputStream(), settings.idleTimeout(),
                settings.messageTimeout());
        OutputStream out = socket.getOutputStream();
        TtlvFrameReader frames = new TtlvFrameReader(TtlvLimits.DEFAULT);
        TtlvDecoder decoder = new TtlvDecoder(TtlvLimits.DEFAULT);
        while (!socket.isClosed()) {
            in.nextMessage();
            Optional<byte[]> frame;
            try {
                frame = frames.readFrame(in);
            } catch (TtlvException e) {
                refuse(out, e);
                return;
            }
            if (frame.isEmpty()) {
                return;
            }
            byte[] bytes = frame.get();
            TtlvStructure request;
            try {
                request = decoder.decodeMessage(bytes);
            } catch (TtlvException e) {
                refuse(out, e);
                continue;
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
            try {
                send(out, listener.answer(request, chain, peer, socket.getLocalPort()));
            } finally {
                request.destroySecrets();
            }
        }
    }

    /** Answers a message that cannot be read with Invalid Message (in 1.0: its version is unknown). */
    private void refuse(OutputStream out, TtlvException e) throws IOException {
        send(out, listener.processor().refusal(ProtocolVersion.V1_0,
                new KmipFailure(ResultReason.INVALID_MESSAGE, e.getMessage())));
    }

    private static void send(OutputStream out, TtlvStructure response) throws IOException {
        byte[] encoded = TtlvEncoder.encode(response);
        try {
            out.write(encoded);
            out.flush();
        } finally {
            Arrays.fill(encoded, (byte) 0);
            response.destroySecrets();
        }
    }

    private static X509Certificate[] peerChain(SSLSocket socket) throws SSLException {
        Certificate[] certificates = socket.getSession().getPeerCertificates();
        return Arrays.stream(certificates).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    }
}
