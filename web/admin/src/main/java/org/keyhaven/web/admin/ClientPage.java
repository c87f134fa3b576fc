package org.keyhaven.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.keyhaven.client.ClientService;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.client.ClientView;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;

/**
 * One application ({@code client.xhtml?id=}): its certificates (revoke, issue another), its status, and its grants.
 * Every form on the page carries the client's id in a hidden field, and each row's form names its certificate or
 * grant, so a post acts on what the admin saw whatever changed meanwhile. Grants are saved as the whole list the
 * service replaces: the current list with the one change, so under dual control one approval request holds it.
 */
@Named
@RequestScoped
public class ClientPage {

    private static final String ADD_KIND = "grants:add:kind";
    private static final String ADD_TARGET = "grants:add:target";
    private static final String ADD_OPERATIONS = "grants:add:operations";
    private static final int MAX_ID = 64;
    private static final int MAX_GRANT_KEY = 512;

    @EJB
    private ClientService clients;

    @Inject
    private UiActions ui;

    @Inject
    private ClientIssuance issuance;

    private String id;
    private ClientView client;
    private boolean loaded;

    private GrantTarget kind = GrantTarget.NAME;
    private String target;
    private GrantOperation[] operations;

    @PostConstruct
    void init() {
        id = ClientParameter.get("id", MAX_ID);
    }

    /** Loads the client once per request, before rendering (a refusal then shows as a message). */
    public void load() {
        if (!loaded) {
            loaded = true;
            if (id.isEmpty()) {
                ui.error(null, "No application is chosen: open one from the list of applications.");
            } else {
                client = ui.attempt(null, () -> clients.get(id)).orElse(null);
            }
        }
    }

    private void changed() {
        loaded = false;
        client = null;
    }

    public void revoke() {
        String fingerprint = ClientParameter.get("fingerprint", 128);
        if (ui.run(null, () -> clients.revokeCertificate(id, fingerprint))) {
            ui.info("The certificate is revoked: it identifies nobody from the next request on.");
        }
        changed();
    }

    public void enable() {
        if (ui.run(null, () -> clients.enable(id))) {
            ui.info("The application is enabled.");
        }
        changed();
    }

    public void disable() {
        if (ui.run(null, () -> clients.disable(id))) {
            ui.info("The application is disabled: it is refused from the next request on.");
        }
        changed();
    }

    public void issue() {
        if (issuance.issue("issue", csr -> clients.issueCertificate(id, csr))) {
            ui.info("Another certificate is issued" + (issuance.isWithPkcs12() ? " with a generated key." : "."));
        }
        changed();
    }

    public void addGrant() {
        if (kind == null) {
            ui.error(ADD_KIND, "choose what the grant names");
        } else if (target == null || target.isBlank()) {
            ui.error(ADD_TARGET, "enter the key id, key name or name prefix");
        } else if (operations == null || operations.length == 0) {
            ui.error(ADD_OPERATIONS, "choose at least one operation");
        } else {
            Optional<GrantSpec> added = ui.attempt(ADD_TARGET, () -> new GrantSpec(kind, target.strip(),
                    EnumSet.copyOf(Arrays.asList(operations))));
            if (added.isPresent() && saveGrants(current -> Optional.of(ClientGrants.withAdded(current, added.get())),
                    "The grant is added.")) {
                target = null;
                operations = null;
            }
        }
        changed();
    }

    public void removeGrant() {
        String key = ClientParameter.get("grant", MAX_GRANT_KEY);
        saveGrants(current -> ClientGrants.without(current, key), "The grant is removed.");
        changed();
    }

    /**
     * Applies the change to the grants as they are now and saves the whole list; whether it was saved (false also
     * when it went to dual control, which the message then says).
     */
    private boolean saveGrants(Function<List<GrantSpec>, Optional<List<GrantSpec>>> change, String done) {
        boolean saved = ui.attempt(null, () -> change.apply(clients.get(id).grants())
                .map(grants -> clients.setGrants(id, grants))
                .orElseGet(() -> {
                    ui.error(null, "That grant changed meanwhile; the list below is the current one.");
                    return null;
                })).isPresent();
        if (saved) {
            ui.info(done);
        }
        return saved;
    }

    public String operationsText(GrantSpec grant) {
        return ClientGrants.describe(grant.operations());
    }

    public String grantKey(GrantSpec grant) {
        return ClientGrants.key(grant);
    }

    public ClientView getClient() {
        load();
        return client;
    }

    public boolean isActive() {
        return getClient() != null && client.status() == ClientStatus.ACTIVE;
    }

    public String getId() {
        return id;
    }

    public List<GrantTarget> getKinds() {
        return List.of(GrantTarget.values());
    }

    public List<GrantOperation> getAllOperations() {
        return List.of(GrantOperation.values());
    }

    public GrantTarget getKind() {
        return kind;
    }

    public void setKind(GrantTarget kind) {
        this.kind = kind;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public GrantOperation[] getOperations() {
        return operations;
    }

    public void setOperations(GrantOperation[] operations) {
        this.operations = operations;
    }
}
