package org.keyhaven.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.keyhaven.common.ErrorCode;

/**
 * Refuses request bodies over {@value #LIMIT_PROPERTY} bytes (default 64 KiB) with 413: by declared length before
 * reading, and by counting while reading when no length is declared (chunked).
 */
@Provider
@PreMatching
public class RequestBodyLimit implements ContainerRequestFilter {

    public static final String LIMIT_PROPERTY = "keyhaven.api.max-body-bytes";

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = Long.getLong(LIMIT_PROPERTY, 64 * 1024L);
        if (request.getLength() > limit) {
            request.abortWith(Problems.response(ErrorCode.PAYLOAD_TOO_LARGE,
                    "request body of " + request.getLength() + " bytes exceeds the limit of " + limit + " bytes"));
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
