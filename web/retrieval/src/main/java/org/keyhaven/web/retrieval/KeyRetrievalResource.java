package org.keyhaven.web.retrieval;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.keyhaven.application.KeyRetrieval;
import org.keyhaven.application.RetrievedKey;
import org.keyhaven.audit.AuditedOperation;

/** {@code GET /api/v1/keys/{idOrName}[?version=N]}: the key in base64, for granted clients and exportable keys. */
@Path("api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyRetrievalResource {

    @EJB
    private KeyRetrieval retrieval;

    @GET
    @Path("{idOrName}")
    @AuditedOperation("key.retrieve")
    public RetrievedKey retrieve(@PathParam("idOrName") String idOrName, @QueryParam("version") Integer version) {
        return retrieval.retrieve(idOrName, version);
    }
}
