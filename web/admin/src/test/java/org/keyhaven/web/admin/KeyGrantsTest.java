package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.client.ClientView;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;

class KeyGrantsTest {

    private static final String ID = "0b6f3c1e-7d2a-4c55-9a51-3f8e2d1c0a9b";
    private static final String NAME = "payments-db";

    @Test
    void keyIdGrantCoversTheKeyWhateverTheCaseOfTheId() {
        assertThat(KeyGrants.concerns(grant(GrantTarget.KEY_ID, ID.toUpperCase(), GrantOperation.ENCRYPT), ID, NAME))
                .isTrue();
        assertThat(KeyGrants.concerns(grant(GrantTarget.KEY_ID, "1b6f3c1e-7d2a-4c55-9a51-3f8e2d1c0a9b",
                GrantOperation.ENCRYPT), ID, NAME)).isFalse();
    }

    @Test
    void nameGrantNeedsTheExactName() {
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME, NAME, GrantOperation.DECRYPT), ID, NAME)).isTrue();
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME, "Payments-db", GrantOperation.DECRYPT), ID, NAME))
                .isFalse();
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME, "payments", GrantOperation.DECRYPT), ID, NAME))
                .isFalse();
    }

    @Test
    void prefixGrantCoversNamesStartingWithIt() {
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME_PREFIX, "payments-", GrantOperation.SIGN), ID, NAME))
                .isTrue();
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME_PREFIX, "billing-", GrantOperation.SIGN), ID, NAME))
                .isFalse();
    }

    @Test
    void prefixGrantDoesNotMatchTheKeyId() {
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME_PREFIX, "0b6f", GrantOperation.SIGN), ID, NAME))
                .isFalse();
    }

    @Test
    void createOnlyGrantDoesNotConcernAnExistingKey() {
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME_PREFIX, "payments-", GrantOperation.CREATE), ID, NAME))
                .isFalse();
        assertThat(KeyGrants.concerns(grant(GrantTarget.NAME_PREFIX, "payments-", GrantOperation.CREATE,
                GrantOperation.MANAGE), ID, NAME)).isTrue();
    }

    @Test
    void listsEachConcerningGrantWithItsClient() {
        ClientView web = client("c1", "web", ClientStatus.ACTIVE,
                grant(GrantTarget.NAME_PREFIX, "payments-", GrantOperation.ENCRYPT, GrantOperation.DECRYPT),
                grant(GrantTarget.NAME, "other", GrantOperation.ENCRYPT));
        ClientView batch = client("c2", "batch", ClientStatus.DISABLED, grant(GrantTarget.KEY_ID, ID,
                GrantOperation.RETRIEVE));
        ClientView none = client("c3", "none", ClientStatus.ACTIVE);

        List<KeyGrants.Row> rows = KeyGrants.concerning(List.of(web, batch, none), ID, NAME);

        assertThat(rows).containsExactly(
                new KeyGrants.Row("c1", "web", ClientStatus.ACTIVE, GrantTarget.NAME_PREFIX, "payments-",
                        EnumSet.of(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)),
                new KeyGrants.Row("c2", "batch", ClientStatus.DISABLED, GrantTarget.KEY_ID, ID,
                        EnumSet.of(GrantOperation.RETRIEVE)));
    }

    private static GrantSpec grant(GrantTarget kind, String target, GrantOperation... operations) {
        return new GrantSpec(kind, target, EnumSet.copyOf(List.of(operations)));
    }

    private static ClientView client(String id, String name, ClientStatus status, GrantSpec... grants) {
        return new ClientView(id, name, status, Instant.EPOCH, "officer", Instant.EPOCH, List.of(), List.of(grants));
    }
}
