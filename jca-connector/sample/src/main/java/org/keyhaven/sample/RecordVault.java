package org.keyhaven.sample;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerConnectionFactory;
import org.keyhaven.jca.api.KeyManagerException;

/**
 * A sample application: it stores records encrypted with a Keyhaven key it never sees. {@code PUT /records/{id}}
 * encrypts the body (the record id bound in as associated data, so a ciphertext cannot be moved to another record);
 * {@code GET /records/{id}} decrypts it. The connection factory is the one the server's resource-adapters
 * configuration binds at {@code java:/eis/keyhaven/sample}, with this application's own client identity; the key
 * name is the {@code keyhaven.sample.key} context parameter (default {@code sample-records}). A refusal answers 403
 * with Keyhaven's explanation.
 */
@WebServlet("/records/*")
public class RecordVault extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_RECORD = 65536;

    @Resource(lookup = "java:/eis/keyhaven/sample")
    private transient KeyManagerConnectionFactory keyhaven;

    /** The ciphertexts, in memory: a real application keeps them in its own database. */
    private final Map<String, Ciphertext> records = new ConcurrentHashMap<>();

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = recordId(request);
        byte[] body = request.getInputStream().readNBytes(MAX_RECORD + 1);
        if (id == null || body.length > MAX_RECORD) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "PUT /records/<id> with at most 64 KiB");
            return;
        }
        try (KeyManagerConnection connection = keyhaven.getConnection()) {
            records.put(id, connection.encrypt(keyName(), body, aad(id)));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (KeyManagerException e) {
            refused(response, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = recordId(request);
        Ciphertext stored = id == null ? null : records.get(id);
        if (stored == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (KeyManagerConnection connection = keyhaven.getConnection()) {
            byte[] plaintext = connection.decrypt(stored.bytes(), aad(id));
            response.setContentType("application/octet-stream");
            response.getOutputStream().write(plaintext);
            java.util.Arrays.fill(plaintext, (byte) 0);
        } catch (KeyManagerException e) {
            refused(response, e);
        }
    }

    private String keyName() {
        String configured = getServletContext().getInitParameter("keyhaven.sample.key");
        return configured == null ? "sample-records" : configured;
    }

    private static String recordId(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2 || path.length() > 101 || path.indexOf('/', 1) >= 0) {
            return null;
        }
        return path.substring(1);
    }

    private static byte[] aad(String id) {
        return ("sample-record:" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(HttpServletResponse response, KeyManagerException e) throws IOException {
        response.setStatus(e.reason() == KeyManagerException.Reason.UNAVAILABLE
                || e.reason() == KeyManagerException.Reason.CONNECTION ? 503 : 403);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(e.reason() + ": " + e.getMessage() + "\n");
    }
}
