package org.keyhaven.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of the port (WAR) it is deployed in, generated at build time from that WAR's JAX-RS resources
 * into its {@code WEB-INF/classes}. Public.
 */
@Path("openapi")
public class OpenApiResource {

    private static final String DOCUMENT = "/META-INF/openapi/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
