package org.keyhaven.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keyhaven.approval.ApprovalService;
import org.keyhaven.approval.ApprovalView;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.AuditFilter;
import org.keyhaven.audit.AuditService;
import org.keyhaven.client.ClientService;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyView;
import org.keyhaven.web.Failure;

/**
 * One key's page: its metadata, versions and attributes, the application grants that reach it, its audit trail and
 * the approval requests waiting on it. Everything is read afresh before each rendering, so the page shows the
 * key's state after an action. The view keeps only the key's id, name and state: the id for the posts of the action
 * forms, the name for the destroy confirmation, the state for which actions to offer.
 */
@Named
@ViewScoped
public class KeyPage implements Serializable {

    static final String NO_SUCH_KEY = "No such key: there is no key with this id.";
    private static final long serialVersionUID = 1L;
    private static final int TRAIL = 50;
    private static final int CLIENTS = 500;
    private static final int APPROVALS = 200;

    @EJB
    private KeyService keys;

    @EJB
    private ClientService clients;

    @EJB
    private AuditService audit;

    @EJB
    private ApprovalService approvals;

    @Inject
    private UiActions ui;

    @Inject
    private CurrentAdmin me;

    private String id;
    private String name;
    private KeyState state;
    private boolean publicKeyOnly;

    private transient KeyView key;
    private transient List<KeyGrants.Row> grants;
    private transient List<AuditEntry> trail;
    private transient List<ApprovalView> pending;

    /** The key named by the URL ({@code ?id=}) as the view was first opened; posts to this view carry no query. */
    @PostConstruct
    void readId() {
        id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }

    /** Before each rendering: the key and everything about it, each part on its own (one refusal leaves a gap). */
    public void load() {
        key = find().orElse(null);
        state = key == null ? null : key.state();
        if (key == null) {
            return;
        }
        name = key.name();
        publicKeyOnly = key.publicKeyOnly();
        grants = ui.attempt(null, () -> KeyGrants.concerning(clients.list(0, CLIENTS), key.id(), key.name()))
                .orElse(List.of());
        trail = ui.attempt(null, () -> audit.search(new AuditFilter(null, null, null, key.id(), null, null), null,
                TRAIL)).orElse(List.of());
        pending = ui.attempt(null, () -> approvals.list(true, 0, APPROVALS).stream()
                .filter(request -> key.id().equalsIgnoreCase(request.objectId())).toList()).orElse(List.of());
    }

    /** The key, or empty with a message: "no such key" for an id that is malformed or unknown, else the refusal. */
    private Optional<KeyView> find() {
        if (!KeyFormat.isKeyId(id)) {
            ui.error(null, NO_SUCH_KEY);
            return Optional.empty();
        }
        boolean[] missing = {false};
        Optional<KeyView> found = ui.attempt(null, () -> {
            try {
                return keys.get(id);
            } catch (RuntimeException e) {
                if (Failure.of(e).code() != ErrorCode.KEY_NOT_FOUND) {
                    throw e;
                }
                missing[0] = true;
                return null;
            }
        });
        if (missing[0]) {
            ui.error(null, NO_SUCH_KEY);
        }
        return found;
    }

    /** Whether to offer the action (an officer, in a state that allows it); the service decides in the end. */
    public boolean offers(String action) {
        return me.isOfficer() && KeyAction.valueOf(action).allowedFor(state, publicKeyOnly);
    }

    public boolean canApprove(ApprovalView request) {
        return Approvals.canApprove(request, me.getName(), me.isOfficer(), me.isSecurityAdmin());
    }

    public KeyView getKey() {
        return key;
    }

    /** Newest first. */
    public List<KeyView.Version> getVersions() {
        return key == null ? List.of() : key.versions().stream()
                .sorted(Comparator.comparingInt(KeyView.Version::version).reversed()).toList();
    }

    public List<Attribute> getAttributes() {
        return key == null ? List.of()
                : key.attributes().entrySet().stream().map(e -> new Attribute(e.getKey(), e.getValue())).toList();
    }

    /** One custom attribute, for a table. */
    public record Attribute(String name, String value) {
    }

    public List<KeyGrants.Row> getGrants() {
        return grants == null ? List.of() : grants;
    }

    public List<AuditEntry> getTrail() {
        return trail == null ? List.of() : trail;
    }

    public List<ApprovalView> getPending() {
        return pending == null ? List.of() : pending;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
