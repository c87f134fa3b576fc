package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keyhaven.approval.ApprovalKind;
import org.keyhaven.approval.ApprovalPolicy;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class SettingsPolicyFormTest {

    @Test
    void everyOperationHasARowWithItsCountLabelAndApprover() {
        SettingsPolicyForm form = SettingsPolicyForm.of(ApprovalPolicy.dualControl());

        assertThat(form.getRows()).extracting(SettingsPolicyForm.Row::getKind).containsExactly(ApprovalKind.values());
        assertThat(form.getRows()).allSatisfy(row -> assertThat(row.getCount()).isEqualTo(1));
        SettingsPolicyForm.Row first = form.getRows().get(0);
        assertThat(first.getLabel()).isEqualTo("Key create");
        assertThat(first.getApprover()).isEqualTo("crypto officer");
        assertThat(form.getRows().get(form.getRows().size() - 1).getApprover()).isEqualTo("security admin");
        assertThat(form.getExpiry()).isEqualTo("PT24H");
    }

    @Test
    void editedRowsAndExpiryBecomeThePolicy() {
        SettingsPolicyForm form = SettingsPolicyForm.of(ApprovalPolicy.singleControl());
        form.getRows().get(ApprovalKind.KEY_DESTROY.ordinal()).setCount(2);
        form.setExpiry(" p7d ");

        ApprovalPolicy policy = form.toPolicy();

        assertThat(policy.required(ApprovalKind.KEY_DESTROY)).isEqualTo(2);
        assertThat(policy.required(ApprovalKind.KEY_CREATE)).isZero();
        assertThat(policy.expiry()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void anExpiryThatIsNotAnIsoDurationIsRefused() {
        SettingsPolicyForm form = SettingsPolicyForm.of(ApprovalPolicy.singleControl());
        form.setExpiry("24 hours");

        assertThatThrownBy(form::toPolicy).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST)).hasMessageContaining("PT24H");
    }

    @Test
    void theBoundsAreThePolicysOwn() {
        SettingsPolicyForm form = SettingsPolicyForm.of(ApprovalPolicy.singleControl());
        form.setExpiry("P31D");
        assertThatThrownBy(form::toPolicy).hasMessageContaining("30 days");

        form.setExpiry("PT1H");
        form.getRows().get(0).setCount(ApprovalPolicy.MAX_APPROVALS + 1);
        assertThatThrownBy(form::toPolicy).hasMessageContaining("0 to " + ApprovalPolicy.MAX_APPROVALS);
    }
}
