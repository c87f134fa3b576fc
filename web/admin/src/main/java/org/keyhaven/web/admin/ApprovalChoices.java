package org.keyhaven.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * Which requests the approvals page offered a decision on, as it was shown: a posted decision is processed for those
 * and handed to the service, which alone decides whether this admin may still make it (their role may have changed
 * since the page was rendered; the service then refuses and says so).
 */
@Named
@ViewScoped
public class ApprovalChoices implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> offered = new HashSet<>();

    /** Records, while rendering, that the page offers a decision on this request; answers whether it does. */
    public boolean offer(String requestId, boolean decidable) {
        if (decidable) {
            offered.add(requestId);
        }
        return offered.contains(requestId);
    }
}
