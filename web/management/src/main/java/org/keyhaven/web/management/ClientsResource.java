package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.function.Function;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.client.ClientService;
import org.keyhaven.client.NewCertificate;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.web.RequestValidation;

/** Application clients: identities (certificates) and grants, managed by crypto officers, read by auditors. */
@Path("api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientsResource {

    static final int MAX_GRANTS = 1000;

    @EJB
    private ClientService clients;

    @Inject
    private RequestValidation validation;

    /** A new client and its first certificate: for the CSR given, else for a key generated here (PKCS#12). */
    @POST
    @AuditedOperation("client.create")
    public Response create(ClientRequests.Create body) {
        ClientRequests.Create request = validation.valid(body);
        return created(clients.create(request.name(), request.csr()));
    }

    /**
     * The same for a CSR, answered with just the PEM chain (client certificate, then the internal CA) when asked
     * with {@code Accept: application/x-pem-file}: {@code curl -o app.pem} needs no JSON tool. The client is then
     * addressed by its name.
     */
    @POST
    @Produces(CaCertificateResource.PEM_ON_REQUEST)
    @AuditedOperation("client.create")
    public Response createPem(ClientRequests.Create body) {
        ClientRequests.Create request = validation.valid(body);
        return createdPem(clients.create(request.name(), requireCsr(request.csr())));
    }

    @GET
    @AuditedOperation("client.list")
    public List<ClientRequests.Client> list(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return clients.list(offset, limit).stream().map(ClientRequests.Client::of).toList();
    }

    @GET
    @Path("{id}")
    @AuditedOperation(value = "client.read", object = 0)
    public ClientRequests.Client get(@PathParam("id") String id) {
        return ClientRequests.Client.of(clients.get(id));
    }

    /** Another certificate from the internal CA (renewal, another instance of the application). */
    @POST
    @Path("{id}/certificates")
    @AuditedOperation(value = "client.certificate.issue", object = 0)
    public Response issue(@PathParam("id") String id, ClientRequests.Issue body) {
        return created(clients.issueCertificate(id, validation.valid(body).csr()));
    }

    /** The same for a CSR, answered with just the PEM chain ({@code Accept: application/x-pem-file}). */
    @POST
    @Path("{id}/certificates")
    @Produces(CaCertificateResource.PEM_ON_REQUEST)
    @AuditedOperation(value = "client.certificate.issue", object = 0)
    public Response issuePem(@PathParam("id") String id, ClientRequests.Issue body) {
        return createdPem(clients.issueCertificate(id, requireCsr(validation.valid(body).csr())));
    }

    /** A certificate issued by a registered external CA now identifies this client. */
    @POST
    @Path("{id}/certificates/register")
    @AuditedOperation(value = "client.certificate.register", object = 0)
    public ClientRequests.Client register(@PathParam("id") String id, ClientRequests.Register body) {
        return ClientRequests.Client.of(clients.registerCertificate(id, validation.valid(body).certificate()));
    }

    @POST
    @Path("{id}/certificates/{fingerprint}/revoke")
    @AuditedOperation(value = "client.certificate.revoke", object = 0)
    public ClientRequests.Client revoke(@PathParam("id") String id, @PathParam("fingerprint") String fingerprint) {
        return ClientRequests.Client.of(clients.revokeCertificate(id, fingerprint));
    }

    @POST
    @Path("{id}/disable")
    @AuditedOperation(value = "client.disable", object = 0)
    public ClientRequests.Client disable(@PathParam("id") String id) {
        return ClientRequests.Client.of(clients.disable(id));
    }

    @POST
    @Path("{id}/enable")
    @AuditedOperation(value = "client.enable", object = 0)
    public ClientRequests.Client enable(@PathParam("id") String id) {
        return ClientRequests.Client.of(clients.enable(id));
    }

    /** Replaces all grants of the client; an empty array removes them (default deny). */
    @PUT
    @Path("{id}/grants")
    @AuditedOperation(value = "client.grants", object = 0)
    public ClientRequests.Client setGrants(@PathParam("id") String id, List<ClientRequests.Grant> body) {
        if (body == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a JSON array of grants is required", id);
        }
        if (body.size() > MAX_GRANTS) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "at most " + MAX_GRANTS + " grants per client", id);
        }
        return ClientRequests.Client.of(clients.setGrants(id, body.stream()
                .map(grant -> validation.valid(grant).toSpec()).toList()));
    }

    /** A PEM answer has no room for a generated key: it needs the application's CSR. */
    private static String requireCsr(String csr) {
        if (csr == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a PEM answer (Accept: " + CaCertificateResource.PEM
                    + ") needs a csr; without one, ask for JSON to receive a PKCS#12");
        }
        return csr;
    }

    private static Response createdPem(NewCertificate issued) {
        return created(issued, NewCertificate::certificateChainPem);
    }

    private static Response created(NewCertificate issued) {
        return created(issued, ClientRequests.Issued::of);
    }

    /** 201 with the client's location and the body made from the certificate, which is wiped afterwards. */
    private static Response created(NewCertificate issued, Function<NewCertificate, Object> body) {
        try (issued) {
            return Response.created(UriBuilder.fromPath("/api/v1/clients/{id}").build(issued.client().id()))
                    .entity(body.apply(issued)).build();
        }
    }
}
