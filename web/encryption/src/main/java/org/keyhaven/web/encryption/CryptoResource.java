package org.keyhaven.web.encryption;

import jakarta.ejb.EJB;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import org.keyhaven.application.CryptoRequests;
import org.keyhaven.application.CryptoServices;
import org.keyhaven.application.Outcome;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.web.BatchBody;
import org.keyhaven.web.JsonbConfiguration;
import org.keyhaven.web.Problems;

/**
 * The encryption services. Every operation takes one JSON object (answered with the result, or a problem) or a JSON
 * array of them (answered 200 with an array in the same order: each element the result, or {@code {"error":
 * problem}} for an item that was refused on its own).
 */
@Path("api/v1/crypto")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CryptoResource {

    @EJB
    private CryptoServices crypto;

    @POST
    @Path("encrypt")
    @AuditedOperation("crypto.encrypt")
    public Response encrypt(JsonValue body) {
        return run(body, CryptoRequests.Encrypt.class, crypto::encrypt);
    }

    @POST
    @Path("decrypt")
    @AuditedOperation("crypto.decrypt")
    public Response decrypt(JsonValue body) {
        return run(body, CryptoRequests.Decrypt.class, crypto::decrypt);
    }

    @POST
    @Path("sign")
    @AuditedOperation("crypto.sign")
    public Response sign(JsonValue body) {
        return run(body, CryptoRequests.Sign.class, crypto::sign);
    }

    @POST
    @Path("verify")
    @AuditedOperation("crypto.verify")
    public Response verify(JsonValue body) {
        return run(body, CryptoRequests.Verify.class, crypto::verify);
    }

    @POST
    @Path("mac")
    @AuditedOperation("crypto.mac")
    public Response mac(JsonValue body) {
        return run(body, CryptoRequests.Mac.class, crypto::mac);
    }

    @POST
    @Path("mac/verify")
    @AuditedOperation("crypto.mac.verify")
    public Response verifyMac(JsonValue body) {
        return run(body, CryptoRequests.MacVerify.class, crypto::verifyMac);
    }

    @POST
    @Path("datakey")
    @AuditedOperation("crypto.datakey")
    public Response dataKey(JsonValue body) {
        return run(body, CryptoRequests.DataKey.class, crypto::dataKey);
    }

    @POST
    @Path("rewrap")
    @AuditedOperation("crypto.rewrap")
    public Response rewrap(JsonValue body) {
        return run(body, CryptoRequests.Rewrap.class, crypto::rewrap);
    }

    @POST
    @Path("random")
    @AuditedOperation("crypto.random")
    public Response random(JsonValue body) {
        return run(body, CryptoRequests.Random.class, crypto::random);
    }

    private static <I, O> Response run(JsonValue body, Class<I> type, Function<List<I>, List<Outcome<O>>> operation) {
        BatchBody request = BatchBody.of(body);
        List<Outcome<O>> outcomes = operation.apply(request.items(JsonbConfiguration.strict(), type));
        if (!request.isBatch()) {
            return Response.ok(outcomes.get(0).valueOrThrow()).build();
        }
        return Response.ok(outcomes.stream().map(outcome -> outcome.succeeded() ? outcome.value()
                : new ItemError(Problems.problem(outcome.error().code(), outcome.error().getMessage(), null, null)))
                .toList()).build();
    }

    /** A refused item of a batch. */
    public record ItemError(org.keyhaven.web.Problem error) {
    }
}
