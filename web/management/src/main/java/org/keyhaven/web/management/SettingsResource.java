package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.key.RotationPeriod;
import org.keyhaven.system.EnvironmentLabel;
import org.keyhaven.system.SettingsService;
import org.keyhaven.system.SettingsView;
import org.keyhaven.web.RequestValidation;

/**
 * Server settings (security administrators change them; crypto officers and auditors read them), and the admin web
 * UI's switch: once a security administrator has switched the UI off, this is the way to switch it on again.
 */
@Path("api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @EJB
    private SettingsService settings;

    @Inject
    private RequestValidation validation;

    /**
     * {@code {"environment":"PRODUCTION","defaultRotationPeriod":"P90D"}}: a property left out (or null) stays as it
     * is; an empty {@code defaultRotationPeriod} means new keys get none.
     */
    public record Change(@Size(max = 32) String environment,
            @Size(max = RotationPeriod.MAX_LENGTH) String defaultRotationPeriod) {
    }

    /** {@code {"enabled":true}} */
    public record AdminUi(@NotNull Boolean enabled) {
    }

    @GET
    @AuditedOperation("settings.read")
    public SettingsView settings() {
        return settings.settings();
    }

    /** Both values are checked before either changes, so a bad one leaves the other untouched. */
    @PUT
    @AuditedOperation("settings.change")
    public SettingsView change(Change body) {
        Change change = validation.valid(body);
        if (change.environment() != null) {
            EnvironmentLabel.normalize(change.environment());
        }
        RotationPeriod.parseNullable(change.defaultRotationPeriod());
        if (change.environment() != null) {
            settings.changeEnvironment(change.environment());
        }
        if (change.defaultRotationPeriod() != null) {
            settings.changeDefaultRotationPeriod(change.defaultRotationPeriod());
        }
        return settings.settings();
    }

    @PUT
    @Path("admin-ui")
    @AuditedOperation("settings.change")
    public SettingsView adminUi(AdminUi body) {
        return settings.enableAdminUi(validation.valid(body).enabled());
    }
}
