package org.keyhaven.system;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.util.Objects;
import java.util.Optional;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.key.RotationPeriod;

/**
 * Server settings for security administrators. Each change commits with its audit record (old and new value). The
 * admin UI switch is read on every admin UI request; once off, only a security administrator can switch it on again,
 * through the management API on port 6001 (see the README).
 */
@Stateless
@RolesAllowed(Roles.SECURITY_ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(RefusalAudit.class)
public class SettingsService {

    static final String ROTATION_DEFAULT = "keys.rotation.default";
    static final String ADMIN_UI = "admin-ui.enabled";

    @EJB
    private SystemSettings settings;

    @EJB
    private AuditLog audit;

    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER, Roles.AUDITOR})
    @AuditedOperation("settings.read")
    public SettingsView settings() {
        return new SettingsView(settings.environmentLabel(), defaultRotationPeriod().map(String::valueOf).orElse(null),
                adminUiEnabled());
    }

    /** The rotation period new keys get when their request names none. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<RotationPeriod> defaultRotationPeriod() {
        return settings.value(ROTATION_DEFAULT).map(RotationPeriod::parseNullable);
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean adminUiEnabled() {
        return settings.value(ADMIN_UI).map(Boolean::parseBoolean).orElse(true);
    }

    @AuditedOperation("settings.change")
    public SettingsView changeEnvironment(String label) {
        String normalized = EnvironmentLabel.normalize(label);
        change(SystemSettings.ENVIRONMENT, settings.environmentLabel(), normalized);
        return settings();
    }

    /** {@code null} or blank: new keys do not rotate unless their request says so. */
    @AuditedOperation("settings.change")
    public SettingsView changeDefaultRotationPeriod(String period) {
        RotationPeriod parsed = RotationPeriod.parseNullable(period);
        change(ROTATION_DEFAULT, settings.value(ROTATION_DEFAULT).orElse(""),
                parsed == null ? "" : parsed.toString());
        return settings();
    }

    @AuditedOperation("settings.change")
    public SettingsView enableAdminUi(boolean enabled) {
        change(ADMIN_UI, String.valueOf(adminUiEnabled()), String.valueOf(enabled));
        return settings();
    }

    private void change(String name, String old, String value) {
        if (Objects.equals(old, value)) {
            return;
        }
        settings.put(name, value);
        audit.record(AuditEvent.of("settings.change").object(name).detail("setting", name)
                .detail("from", old).detail("to", value));
    }
}
