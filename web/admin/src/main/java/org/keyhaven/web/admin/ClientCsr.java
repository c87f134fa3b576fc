package org.keyhaven.web.admin;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The certificate signing request a form gives: a PEM file uploaded, or PEM text pasted, or neither (then Keyhaven
 * generates the key and hands out a PKCS#12). Only the obvious is checked here, so the answer can point at the right
 * field: one source at most, 64 KiB at most, US-ASCII text holding a PEM block. The CA checks the request itself.
 */
public final class ClientCsr {

    /** The largest CSR accepted, as in the management API. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final String BEGIN = "-----BEGIN CERTIFICATE REQUEST-----";
    private static final String BEGIN_OLD = "-----BEGIN NEW CERTIFICATE REQUEST-----";

    /** Which of the two inputs a problem is about. */
    public enum Source {
        FILE,
        TEXT
    }

    /** The CSR to use ({@code null}: generate the key), or the problem and the input it concerns. */
    public record Choice(String pem, Source problemSource, String problem) {

        public boolean acceptable() {
            return problem == null;
        }

        static Choice of(String pem) {
            return new Choice(pem, null, null);
        }

        static Choice refused(Source source, String problem) {
            return new Choice(null, source, problem);
        }
    }

    private ClientCsr() {
    }

    /** The uploaded file's first {@code MAX_BYTES + 1} bytes (enough to tell it is too big), or null: no file. */
    public static byte[] read(Part upload) {
        if (upload == null || upload.getSize() == 0) {
            return null;
        }
        try (InputStream in = upload.getInputStream()) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded CSR", e);
        }
    }

    /** Chooses between the uploaded bytes and the pasted text; either may be null or empty. */
    public static Choice choose(byte[] upload, String pasted) {
        boolean file = upload != null && upload.length > 0;
        boolean text = pasted != null && !pasted.isBlank();
        if (file && text) {
            return Choice.refused(Source.TEXT, "give the CSR either as a file or pasted, not both");
        }
        if (file) {
            if (upload.length > MAX_BYTES) {
                return Choice.refused(Source.FILE, "the file is larger than 64 KiB");
            }
            for (byte b : upload) {
                if (b < 0) {
                    return Choice.refused(Source.FILE, "the file is not PEM text (US-ASCII)");
                }
            }
            return pem(Source.FILE, new String(upload, StandardCharsets.US_ASCII));
        }
        return text ? pem(Source.TEXT, pasted) : Choice.of(null);
    }

    private static Choice pem(Source source, String text) {
        if (text.length() > MAX_BYTES) {
            return Choice.refused(source, "the CSR is longer than 64 KiB");
        }
        if (!text.contains(BEGIN) && !text.contains(BEGIN_OLD)) {
            return Choice.refused(source, "this is not a PEM certificate request (" + BEGIN + ")");
        }
        return Choice.of(text.strip());
    }
}
