package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.seal.MasterKeyRotation;
import org.keyhaven.seal.RotationProgress;
import org.keyhaven.seal.SealService;
import org.keyhaven.seal.SealStatus;

/** Sealing (security administrators) and master key rotation (crypto officers). */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SealResource {

    @EJB
    private SealService seal;

    @EJB
    private MasterKeyRotation rotation;

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
