package org.keyhaven.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.keyhaven.approval.ApprovalService;
import org.keyhaven.approval.ApprovalView;

/**
 * The approvals inbox: pending requests with exactly what each will do, approve and reject where the admin may, and
 * the history of decided requests. Approving the last needed approval carries the operation out at once; shares
 * handed over by an approved custodian rekey are shown in that answer only.
 */
@Named("approvalsPage")
@RequestScoped
public class ApprovalsPage {

    private static final int PAGE = 200;
    private static final int HISTORY = 50;

    @EJB
    private ApprovalService approvals;

    @Inject
    private UiActions ui;

    @Inject
    private CurrentAdmin me;

    private List<ApprovalView> pending = List.of();
    private List<ApprovalView> history = List.of();
    private List<String> handover = List.of();

    @Size(max = 500, message = "a reason is at most 500 characters")
    private String reason;

    @PostConstruct
    void load() {
        pending = ui.attempt(null, () -> approvals.list(true, 0, PAGE)).orElse(List.of());
        history = ui.attempt(null, () -> approvals.list(false, 0, PAGE)).orElse(List.of()).stream()
                .filter(request -> request.decidedAt() != null).limit(HISTORY).toList();
    }

    /**
     * Creates this bean (which loads the lists) before the page renders, so a refusal reaches the page's messages. A
     * post loads the lists earlier, while Faces finds the posted form among the rows.
     */
    public void prepare() {
        // construction does the work
    }

    public void approve() {
        String requestId = postedRequestId();
        ui.attempt(null, () -> approvals.approve(requestId)).ifPresent(done -> {
            ui.info(done.status() == org.keyhaven.approval.ApprovalStatus.PENDING
                    ? "Approved; the request needs " + (done.required() - done.approvals().size())
                            + " more approval(s)."
                    : "Approved and carried out: " + ApprovalDescription.summary(done.operation(), done.objectId(),
                            done.parameters()) + ".");
            handover = done.handover() == null ? List.of() : done.handover();
        });
        load();
    }

    public void reject() {
        String requestId = postedRequestId();
        ui.attempt(null, () -> approvals.reject(requestId, reason)).ifPresent(done -> ui.info("Rejected."));
        load();
    }

    public boolean canApprove(ApprovalView request) {
        return Approvals.canApprove(request, me.getName(), me.isOfficer(), me.isSecurityAdmin());
    }

    public boolean mine(ApprovalView request) {
        return request.requester().equals(me.getName());
    }

    public String summary(ApprovalView request) {
        return ApprovalDescription.summary(request.operation(), request.objectId(), request.parameters());
    }

    public List<ApprovalDescription.Detail> details(ApprovalView request) {
        return ApprovalDescription.details(request.parameters());
    }

    /** The request named in the address ({@code ?id=}), marked on the page; blank when none. */
    public String getHighlighted() {
        return parameter("id");
    }

    /**
     * The request a decision is about, as the form posted it: each request's form carries its own id, so a decision
     * never depends on the position of a row in a list that may have changed since the page was shown.
     */
    private static String postedRequestId() {
        return parameter("requestId");
    }

    private static String parameter(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.length() > 64 ? "" : value;
    }

    public List<ApprovalView> getPending() {
        return pending;
    }

    public List<ApprovalView> getHistory() {
        return history;
    }

    public List<String> getHandover() {
        return handover;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
