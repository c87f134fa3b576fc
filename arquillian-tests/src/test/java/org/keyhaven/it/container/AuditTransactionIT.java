package org.keyhaven.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Deployments;

/**
 * In the server: an action and its audit record commit or roll back together, a failed audit write fails the
 * action, and a refused action leaves a record of the refusal.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTransactionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.keyhavenWithProbe(AuditTransactionIT.class, OfficerProbe.class, DatabaseProbe.class);
    }

    @EJB
    private OfficerProbe officer;

    @EJB
    private DatabaseProbe database;

    @Test
    void keyAndAuditRecordRollBackTogether() {
        String name = "rolled-back-" + UUID.randomUUID();

        String id = officer.createThenRollBack(name);

        assertThat(database.count("select count(*) from kh_managed_key where name = ?", name)).isZero();
        assertThat(database.count("select count(*) from kh_audit_record where object_id = ?", id)).isZero();
    }

    @Test
    void keyAndAuditRecordCommitTogether() {
        String name = "committed-" + UUID.randomUUID();

        String id = officer.create(name, true).id();

        assertThat(database.count("select count(*) from kh_managed_key where id = ?", id)).isOne();
        assertThat(database.count("select count(*) from kh_audit_record where object_id = ? and operation = ?"
                + " and outcome = 'SUCCESS'", id, "key.create")).isOne();
    }

    @Test
    void anAuditRecordThatCannotBeWrittenFailsTheAction() {
        String name = "unauditable-" + UUID.randomUUID();

        assertThatThrownBy(() -> officer.createWithUnwritableAudit(name)).isInstanceOf(RuntimeException.class);

        assertThat(database.count("select count(*) from kh_managed_key where name = ?", name)).isZero();
    }

    @Test
    void aRefusedActionRollsBackButItsRefusalIsAudited() {
        String id = officer.create("active-" + UUID.randomUUID(), true).id();

        assertThatThrownBy(() -> officer.destroy(id)).hasMessageContaining("cannot be destroyed");

        assertThat(officer.get(id).state().name()).isEqualTo("ACTIVE");
        assertThat(database.count("select count(*) from kh_audit_record where object_id = ? and operation ="
                + " 'key.destroy' and outcome = 'FAILED' and reason = 'invalid-state-transition'", id)).isOne();
    }
}
