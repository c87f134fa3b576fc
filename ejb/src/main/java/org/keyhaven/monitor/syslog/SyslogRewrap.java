package org.keyhaven.monitor.syslog;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.util.List;
import org.keyhaven.seal.ProtectedRow;
import org.keyhaven.seal.RewrapParticipant;
import org.keyhaven.seal.RowRewrap;

/** Master key rotation for syslog destinations: re-MACs their rows, batch by batch. */
@Stateless
@PermitAll
// the interface named again: only interfaces of the bean class itself are its business interfaces (EJB 3.2, 4.9.7)
public class SyslogRewrap extends RowRewrap implements RewrapParticipant {

    @Override
    protected List<Class<? extends ProtectedRow>> rows() {
        return List.of(SyslogDestination.class);
    }
}
