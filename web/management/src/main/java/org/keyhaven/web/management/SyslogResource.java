package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.keyhaven.ca.Pem;
import org.keyhaven.monitor.syslog.DestinationSpec;
import org.keyhaven.monitor.syslog.NewSyslogDestination;
import org.keyhaven.monitor.syslog.SyslogDestinationView;
import org.keyhaven.monitor.syslog.SyslogService;
import org.keyhaven.web.RequestValidation;

/**
 * Where the audit trail is forwarded: syslog destinations (RFC 5424 or CEF over UDP, TCP or TLS), configured by
 * security administrators and read by auditors too, each with its delivery state (cursor, backlog, last error).
 */
@Path("api/v1/syslog/destinations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyslogResource {

    @EJB
    private SyslogService syslog;

    @Inject
    private RequestValidation validation;

    /**
     * {@code {"name":"siem","transport":"TLS","host":"siem.example","port":6514,"format":"RFC5424",
     * "caPem":"-----BEGIN CERTIFICATE-----...","backlogAlarm":10000,"fromSequence":1}}: {@code transport} is UDP,
     * TCP or TLS; {@code port} defaults to 514 (6514 for TLS); {@code format} is RFC5424 (default) or CEF;
     * {@code caPem}, for TLS only and required there, holds the CA certificates the collector's certificate must chain
     * to (its name is checked against {@code host}); {@code fromSequence} is the first audit record to send
     * (default: the records from now on).
     */
    public record NewDestination(@NotBlank @Size(max = DestinationSpec.MAX_NAME) String name,
            @NotBlank @Size(max = 8) String transport, @NotBlank @Size(max = DestinationSpec.MAX_HOST) String host,
            Integer port, @Size(max = 16) String format, @Size(max = Pem.MAX_LENGTH) String caPem, Long backlogAlarm,
            Long fromSequence) {
    }

    /** {@code {"enabled":false}}: a disabled destination keeps its place and gets what it missed once enabled. */
    public record DestinationChange(@NotNull Boolean enabled) {
    }

    @GET
    @AuditedOperation("syslog.destination.list")
    public List<SyslogDestinationView> list() {
        return syslog.list();
    }

    @POST
    @AuditedOperation("syslog.destination.create")
    public Response create(NewDestination body) {
        NewDestination request = validation.valid(body);
        SyslogDestinationView created = syslog.create(new NewSyslogDestination(request.name(), request.transport(),
                request.host(), request.port(), request.format(), request.caPem(), request.backlogAlarm(),
                request.fromSequence()));
        return Response.created(UriBuilder.fromPath("/api/v1/syslog/destinations/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @AuditedOperation(value = "syslog.destination.read", object = 0)
    public SyslogDestinationView get(@PathParam("id") String id) {
        return syslog.get(id);
    }

    @PUT
    @Path("{id}")
    @AuditedOperation(value = "syslog.destination.change", object = 0)
    public SyslogDestinationView change(@PathParam("id") String id, DestinationChange body) {
        return syslog.setEnabled(id, validation.valid(body).enabled());
    }

    @DELETE
    @Path("{id}")
    @AuditedOperation(value = "syslog.destination.delete", object = 0)
    public Response delete(@PathParam("id") String id) {
        syslog.delete(id);
        return Response.noContent().build();
    }
}
