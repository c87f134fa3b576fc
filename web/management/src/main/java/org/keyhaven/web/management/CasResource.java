package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.client.CaView;
import org.keyhaven.client.CertificateAuthorityService;
import org.keyhaven.web.RequestValidation;

/** The CAs whose client certificates are trusted: the internal CA and external CAs registered by security admins. */
@Path("api/v1/cas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasResource {

    @EJB
    private CertificateAuthorityService cas;

    @Inject
    private RequestValidation validation;

    @GET
    @AuditedOperation("ca.list")
    public List<CaView> list() {
        return cas.list();
    }

    /** Registers an external CA; its certificates must carry the clientAuth usage unless told otherwise. */
    @POST
    @AuditedOperation("ca.register")
    public Response register(ClientRequests.RegisterCa body) {
        ClientRequests.RegisterCa request = validation.valid(body);
        CaView ca = cas.registerExternal(request.name(), request.certificate(),
                !Boolean.FALSE.equals(request.requireClientAuthEku()));
        return Response.created(UriBuilder.fromPath("/api/v1/cas/{id}").build(ca.id())).entity(ca).build();
    }

    @POST
    @Path("{id}/enable")
    @AuditedOperation(value = "ca.enable", object = 0)
    public CaView enable(@PathParam("id") String id) {
        return cas.setEnabled(id, true);
    }

    @POST
    @Path("{id}/disable")
    @AuditedOperation(value = "ca.disable", object = 0)
    public CaView disable(@PathParam("id") String id) {
        return cas.setEnabled(id, false);
    }

    @PUT
    @Path("{id}/policy")
    @AuditedOperation(value = "ca.policy", object = 0)
    public CaView policy(@PathParam("id") String id, ClientRequests.CaPolicy body) {
        return cas.setRequireClientAuthEku(id, validation.valid(body).requireClientAuthEku());
    }
}
