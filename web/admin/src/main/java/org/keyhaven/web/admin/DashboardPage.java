package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.keyhaven.approval.ApprovalService;
import org.keyhaven.approval.ApprovalView;
import org.keyhaven.audit.ActivityMeter;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.AuditFilter;
import org.keyhaven.audit.AuditService;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeyState;
import org.keyhaven.system.ListenerStatus;
import org.keyhaven.system.ListenerView;
import org.keyhaven.system.StatusService;
import org.keyhaven.system.StatusView;

/** The dashboard: what every admin role should see first. Each part loads on its own; one failing leaves a gap. */
@Named("dashboard")
@RequestScoped
public class DashboardPage {

    private static final int RECENT = 10;

    @EJB
    private StatusService statusService;

    @EJB
    private KeyService keys;

    @EJB
    private ApprovalService approvals;

    @EJB
    private AuditService audit;

    @EJB
    private ListenerStatus listenerStatus;

    @Inject
    private ActivityMeter activity;

    @Inject
    private UiActions ui;

    @Inject
    private CurrentAdmin me;

    private StatusView status;
    private Map<KeyState, Long> counts = Map.of();
    private List<ApprovalView> awaitingMe = List.of();
    private List<AuditEntry> recent = List.of();
    private List<ListenerView> listeners = List.of();
    private ActivityChart chart = new ActivityChart(List.of());

    /** Called before the page renders (not at construction), so refusals reach the page's messages. */
    public void load() {
        status = ui.attempt(null, statusService::status).orElse(null);
        counts = ui.attempt(null, keys::countByState).orElse(Map.of());
        awaitingMe = ui.attempt(null, () -> Approvals.awaiting(approvals.list(true, 0, 200), me.getName(),
                me.isOfficer(), me.isSecurityAdmin())).orElse(List.of());
        recent = ui.attempt(null, () -> audit.search(AuditFilter.none(), null, RECENT)).orElse(List.of());
        listeners = ui.attempt(null, listenerStatus::listeners).orElse(List.of());
        chart = new ActivityChart(activity.lastHour());
    }

    public StatusView getStatus() {
        return status;
    }

    public List<KeyStateCount> getKeyCounts() {
        return java.util.Arrays.stream(KeyState.values())
                .map(state -> new KeyStateCount(state, counts.getOrDefault(state, 0L))).toList();
    }

    /** One row of the key count table. */
    public record KeyStateCount(KeyState state, long count) {
    }

    public List<ApprovalView> getAwaitingMe() {
        return awaitingMe;
    }

    public List<AuditEntry> getRecent() {
        return recent;
    }

    public List<ListenerView> getListeners() {
        return listeners;
    }

    public ActivityChart getChart() {
        return chart;
    }
}
