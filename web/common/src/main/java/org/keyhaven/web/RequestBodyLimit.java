package org.keyhaven.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.keyhaven.common.ErrorCode;

/**
 * Refuses request bodies over the WAR's limit with 413: by declared length before reading, and by counting while
 * reading when no length is declared (chunked). The limit is the system property named by the WAR's context parameter
 * {@value #PROPERTY_PARAMETER} (default {@value #LIMIT_PROPERTY}), else the context parameter
 * {@value #DEFAULT_PARAMETER}, else 64 KiB.
 */
@Provider
@PreMatching
public class RequestBodyLimit implements ContainerRequestFilter {

    public static final String LIMIT_PROPERTY = "keyhaven.api.max-body-bytes";
    static final String PROPERTY_PARAMETER = "keyhaven.max-body-property";
    static final String DEFAULT_PARAMETER = "keyhaven.max-body-bytes";

    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limit();
        if (request.getLength() > limit) {
            request.abortWith(Problems.response(ErrorCode.PAYLOAD_TOO_LARGE,
                    "request body of " + request.getLength() + " bytes exceeds the limit of " + limit + " bytes"));
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    private long limit() {
        String property = servletContext.getInitParameter(PROPERTY_PARAMETER);
        String fallback = servletContext.getInitParameter(DEFAULT_PARAMETER);
        return Long.getLong(property != null ? property : LIMIT_PROPERTY,
                fallback != null ? Long.parseLong(fallback) : 64 * 1024L);
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
