package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyPage;
import org.keyhaven.key.KeyPolicyChange;
import org.keyhaven.key.KeyQuery;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.RevocationReason;
import org.keyhaven.key.RotationPeriod;
import org.keyhaven.web.RequestValidation;

/** Key lifecycle for crypto officers; metadata for auditors. Key material never leaves through this port. */
@Path("api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeysResource {

    @EJB
    private KeyService keys;

    @Inject
    private RequestValidation validation;

    @POST
    @AuditedOperation("key.create")
    public Response create(KeyRequests.Create body) {
        KeyRequests.Create request = validation.valid(body);
        KeySpec spec = KeySpec.of(KeyAlgorithm.parse(request.algorithm()), request.length(), request.curve());
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        if (request.usage() != null) {
            request.usage().forEach(u -> usages.add(KeyUsage.parse(u)));
        }
        KeyDefinition definition = new KeyDefinition(request.name(), spec, usages,
                Boolean.TRUE.equals(request.exportable()), RotationPeriod.parseNullable(request.rotationPeriod()),
                request.activationDate(), request.deactivationDate(), request.attributes());
        KeyView created = keys.create(definition, Boolean.TRUE.equals(request.activate()));
        return Response.created(UriBuilder.fromPath("/api/v1/keys/{id}").build(created.id())).entity(created).build();
    }

    @GET
    @AuditedOperation("key.list")
    public KeyPage list(@QueryParam("name") String name, @QueryParam("state") String state,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return keys.list(new KeyQuery(name, state == null ? null : parseState(state), offset, limit));
    }

    @GET
    @Path("{id}")
    @AuditedOperation("key.read")
    public KeyView get(@PathParam("id") String idOrName) {
        return keys.get(idOrName);
    }

    @POST
    @Path("{id}/activate")
    @AuditedOperation("key.activate")
    public KeyView activate(@PathParam("id") String id) {
        return keys.activate(id);
    }

    @POST
    @Path("{id}/rotate")
    @AuditedOperation("key.rotate")
    public KeyView rotate(@PathParam("id") String id) {
        return keys.rotate(id);
    }

    @POST
    @Path("{id}/deactivate")
    @AuditedOperation("key.deactivate")
    public KeyView deactivate(@PathParam("id") String id) {
        return keys.deactivate(id);
    }

    @POST
    @Path("{id}/revoke")
    @AuditedOperation("key.revoke")
    public KeyView revoke(@PathParam("id") String id, KeyRequests.Revoke body) {
        KeyRequests.Revoke request = body == null ? new KeyRequests.Revoke(null, null) : validation.valid(body);
        return keys.revoke(id, RevocationReason.parse(request.reason()), request.message());
    }

    @DELETE
    @Path("{id}")
    @AuditedOperation("key.destroy")
    public KeyView destroy(@PathParam("id") String id) {
        return keys.destroy(id);
    }

    @PUT
    @Path("{id}/policy")
    @AuditedOperation("key.policy")
    public KeyView policy(@PathParam("id") String id, KeyRequests.Policy body) {
        KeyRequests.Policy request = validation.valid(body);
        boolean clear = "none".equalsIgnoreCase(request.rotationPeriod());
        return keys.changePolicy(id, new KeyPolicyChange(request.minDecryptionVersion(),
                clear ? null : RotationPeriod.parseNullable(request.rotationPeriod()), clear,
                request.deactivationDate()));
    }

    @PUT
    @Path("{id}/attributes")
    @AuditedOperation("key.attribute.set")
    public KeyView setAttributes(@PathParam("id") String id, Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "send a JSON object of attribute names and values");
        }
        return keys.setAttributes(id, attributes);
    }

    @DELETE
    @Path("{id}/attributes/{name}")
    @AuditedOperation("key.attribute.delete")
    public KeyView removeAttribute(@PathParam("id") String id, @PathParam("name") String name) {
        return keys.removeAttribute(id, name);
    }

    private static KeyState parseState(String state) {
        try {
            return KeyState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "unknown state '" + Texts.printable(state, 40)
                    + "'; known: PRE_ACTIVE, ACTIVE, DEACTIVATED, COMPROMISED, DESTROYED, DESTROYED_COMPROMISED");
        }
    }
}
