package org.keyhaven.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.keyhaven.kmip.ttlv.TtlvDecoder;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvFrameReader;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * A KMIP client over mutual TLS to the KMIP port (5696 plus the run's offset), as a real one connects: its own key
 * and certificate, trusting exactly the internal CA, host name verified. Messages are encoded and decoded with
 * Keyhaven's TTLV codec; one connection carries many requests.
 */
public final class KmipClient implements AutoCloseable {

    public static final int KMIP_PORT = 5696;

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;

    private KmipClient(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    public static KmipClient connect(ClientCredentials credentials) {
        return connect(credentials.privateKey(), credentials.chain());
    }

    public static KmipClient connect(PrivateKey key, List<X509Certificate> chain) {
        try {
            SSLContext context = AppClient.mutualTls(key, chain);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(listening(), "localhost",
                    Suite.port(KMIP_PORT), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(60_000);
            socket.startHandshake();
            return new KmipClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plain connection to the KMIP port, waiting (bounded) for the listener: it starts just after a deployment,
     * once Keyhaven is unsealed and its TLS certificate issued.
     */
    private static java.net.Socket listening() throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return new java.net.Socket("localhost", Suite.port(KMIP_PORT));
            } catch (java.net.ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Sends one request and reads its response. */
    public TtlvStructure send(TtlvStructure request) {
        return sendRaw(TtlvEncoder.encode(request)).orElseThrow(() -> new IllegalStateException(
                "the server closed the connection instead of answering"));
    }

    /** Sends any bytes and reads the next response; empty if the server closed the connection. */
    public Optional<TtlvStructure> sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return new TtlvFrameReader().readFrame(in).map(frame -> new TtlvDecoder().decodeMessage(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SSLSocket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
