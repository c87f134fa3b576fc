package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;

class ClientGrantsTest {

    private static final GrantSpec PAYROLL = new GrantSpec(GrantTarget.NAME_PREFIX, "payroll-",
            EnumSet.of(GrantOperation.DECRYPT, GrantOperation.ENCRYPT));
    private static final GrantSpec BACKUP = new GrantSpec(GrantTarget.NAME, "backup",
            EnumSet.of(GrantOperation.WRAP));

    @Test
    void aKeyNamesKindOperationsAndTarget() {
        assertThat(ClientGrants.key(PAYROLL)).isEqualTo("NAME_PREFIX ENCRYPT,DECRYPT payroll-");
    }

    @Test
    void grantsDifferingOnlyInOperationsHaveDifferentKeys() {
        GrantSpec encryptOnly = new GrantSpec(GrantTarget.NAME_PREFIX, "payroll-", EnumSet.of(GrantOperation.ENCRYPT));

        assertThat(ClientGrants.key(encryptOnly)).isNotEqualTo(ClientGrants.key(PAYROLL));
    }

    @Test
    void addingAppendsToACopy() {
        List<GrantSpec> current = List.of(PAYROLL);

        assertThat(ClientGrants.withAdded(current, BACKUP)).containsExactly(PAYROLL, BACKUP);
        assertThat(current).containsExactly(PAYROLL);
    }

    @Test
    void removingTakesOutTheGrantWithThatKeyWhereverItIsNow() {
        assertThat(ClientGrants.without(List.of(BACKUP, PAYROLL), ClientGrants.key(PAYROLL)))
                .contains(List.of(BACKUP));
    }

    @Test
    void removingOneOfTwoEqualGrantsKeepsTheOther() {
        assertThat(ClientGrants.without(List.of(PAYROLL, PAYROLL), ClientGrants.key(PAYROLL)))
                .contains(List.of(PAYROLL));
    }

    @Test
    void removingAGrantThatIsGoneChangesNothing() {
        assertThat(ClientGrants.without(List.of(BACKUP), ClientGrants.key(PAYROLL))).isEmpty();
    }

    @Test
    void operationsReadInTheEnumsOrder() {
        assertThat(ClientGrants.describe(EnumSet.of(GrantOperation.DECRYPT, GrantOperation.RETRIEVE)))
                .isEqualTo("retrieve, decrypt");
    }
}
