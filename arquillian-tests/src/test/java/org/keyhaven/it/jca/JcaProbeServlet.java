package org.keyhaven.it.jca;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerConnectionFactory;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.Signature;

/**
 * Test-only consumer deployed next to Keyhaven: runs one connector call through the factory named in the request
 * and answers {@code OK <result>} or {@code REFUSED <reason> <message>}. Results are what the test compares: a
 * ciphertext round trip, or the SHA-256 of retrieved key material (never the material itself).
 */
@WebServlet("/probe")
public class JcaProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Set<String> FACTORIES = Set.of("java:/eis/keyhaven/it-a", "java:/eis/keyhaven/it-b",
            "java:/eis/keyhaven/it-remote");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String factory = request.getParameter("factory");
        String operation = request.getParameter("op");
        String key = request.getParameter("key");
        String data = request.getParameter("data");
        String version = request.getParameter("version");
        response.setContentType("text/plain;charset=UTF-8");
        if (version != null && !version.matches("[1-9][0-9]{0,5}")) {
            response.sendError(400, "bad version");
            return;
        }
        if (!FACTORIES.contains(factory)) {
            response.sendError(400, "unknown factory");
            return;
        }
        try (KeyManagerConnection connection = lookup(factory).getConnection()) {
            response.getWriter().write("OK " + run(connection, operation, key, data, version));
        } catch (KeyManagerException e) {
            response.getWriter().write("REFUSED " + e.reason() + " " + e.getMessage());
        }
    }

    private static String run(KeyManagerConnection connection, String operation, String key, String data,
            String version) throws KeyManagerException {
        byte[] aad = "probe".getBytes(StandardCharsets.UTF_8);
        switch (operation) {
            case "roundtrip" -> {
                byte[] plaintext = ("record " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
                Ciphertext ciphertext = connection.encrypt(key, plaintext, aad);
                byte[] back = connection.decrypt(ciphertext.bytes(), aad);
                return java.util.Arrays.equals(plaintext, back) ? "roundtrip v" + ciphertext.version() : "MISMATCH";
            }
            case "getKey" -> {
                KeyMaterial material = connection.getKey(key);
                try {
                    byte[] encoded = material.encoded();
                    String digest = Base64.getEncoder().encodeToString(sha256(encoded));
                    java.util.Arrays.fill(encoded, (byte) 0);
                    return material.id() + " v" + material.version() + " " + digest;
                } finally {
                    material.destroy();
                }
            }
            case "sign" -> {
                Signature signature = connection.sign(key, null, aad);
                return "v" + signature.version() + " " + Base64.getEncoder().encodeToString(signature.bytes());
            }
            case "verify" -> {
                return String.valueOf(connection.verify(key, null, aad, Base64.getDecoder().decode(data),
                        version == null ? null : Integer.valueOf(version)));
            }
            case "random" -> {
                return String.valueOf(connection.random(32).length);
            }
            default -> throw new IllegalArgumentException("unknown op");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyManagerConnectionFactory lookup(String name) {
        try {
            return (KeyManagerConnectionFactory) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("no factory at " + name, e);
        }
    }
}
