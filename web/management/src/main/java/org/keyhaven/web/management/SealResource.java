package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.seal.CustodianInit;
import org.keyhaven.seal.MasterKeyRotation;
import org.keyhaven.seal.RotationProgress;
import org.keyhaven.seal.SealService;
import org.keyhaven.seal.SealStatus;
import org.keyhaven.web.RequestValidation;

/**
 * Sealing (security administrators), unsealing by custodians in custodian mode, and master key rotation (crypto
 * officers).
 */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SealResource {

    @EJB
    private SealService seal;

    @EJB
    private MasterKeyRotation rotation;

    @Inject
    private RequestValidation validation;

    @POST
    @Path("seal")
    @AuditedOperation("seal.seal")
    public SealStatus seal() {
        return seal.seal();
    }

    @POST
    @Path("unseal")
    @AuditedOperation("seal.unseal")
    public SealStatus unseal() {
        return seal.unseal();
    }

    /** The custodians' split: {@code {"shares":N,"threshold":M}}; answers the shares, once. */
    public record Init(@NotNull Integer shares, @NotNull Integer threshold) {
    }

    /** One custodian's share, as it was handed out. */
    public record Share(@NotNull @Size(max = 100) String share) {

        /** Never the share: this object may reach a log or an error message. */
        @Override
        public String toString() {
            return "Share[...]";
        }
    }

    @POST
    @Path("seal/init")
    @Consumes(MediaType.APPLICATION_JSON)
    @AuditedOperation("seal.init")
    public CustodianInit initialize(Init body) {
        Init request = validation.valid(body);
        return seal.initialize(request.shares(), request.threshold());
    }

    /** New custodian shares (custodian mode, unsealed), under dual control; the old shares stop working. */
    @POST
    @Path("seal/rekey")
    @Consumes(MediaType.APPLICATION_JSON)
    @AuditedOperation("seal.rekey")
    public CustodianInit rekey(Init body) {
        Init request = validation.valid(body);
        return seal.rekey(request.shares(), request.threshold());
    }

    /** Custodians, without a login (the web constraint leaves this path open): a share, then the progress. */
    @POST
    @Path("unseal/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @AuditedOperation("seal.share")
    public SealStatus submitShare(Share body) {
        return seal.submitShare(validation.valid(body).share());
    }

    /** How far the custodians are (no login, nothing secret). */
    @GET
    @Path("unseal/shares")
    @AuditedOperation("seal.status")
    public SealStatus unsealProgress() {
        return seal.status();
    }

    @POST
    @Path("master-key/rotate")
    @AuditedOperation("master-key.rotate")
    public Response rotateMasterKey() {
        return Response.accepted(rotation.start()).build();
    }

    @GET
    @Path("master-key/rotation")
    @AuditedOperation("master-key.rotation.read")
    public RotationProgress rotationProgress() {
        return rotation.progress();
    }
}
