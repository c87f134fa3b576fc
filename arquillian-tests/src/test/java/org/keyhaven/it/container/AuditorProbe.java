package org.keyhaven.it.container;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditService;
import org.keyhaven.audit.AuditVerification;

/** Test-only bean: verifies the audit chain as an auditor. */
@Stateless
@PermitAll
@RunAs(Roles.AUDITOR)
public class AuditorProbe {

    @EJB
    private AuditService audit;

    public AuditVerification verify() {
        return audit.verify();
    }
}
