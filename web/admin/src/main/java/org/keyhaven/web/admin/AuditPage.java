package org.keyhaven.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.AuditService;
import org.keyhaven.audit.Outcome;

/**
 * The audit page: a search of the trail from the bookmarkable GET filter (see {@link AuditQuery}), newest first,
 * {@value #PAGE} records a page with a link to older ones; the CSV export of the same search; and the chain
 * verification, a POST because it writes its own audit record. Who may read or verify is the service's decision.
 */
@Named("auditPage")
@RequestScoped
public class AuditPage {

    static final int PAGE = 50;
    /** The filter form's naming container: a bad parameter's message shows next to {@code filter:<name>}. */
    private static final String FORM = "filter:";

    @EJB
    private AuditService audit;

    @Inject
    private UiActions ui;

    private AuditQuery query;
    private final Map<String, String> form = new HashMap<>();
    private List<AuditEntry> entries = List.of();
    private boolean older;
    private AuditVerdict verdict;

    @PostConstruct
    void load() {
        Map<String, String> parameters = external().getRequestParameterMap();
        query = AuditQuery.parse(parameters::get);
        AuditQuery.FILTER_PARAMETERS.forEach(name -> form.put(name, query.given(name)));
        query.errors().forEach((name, text) ->
                ui.error(AuditQuery.FILTER_PARAMETERS.contains(name) ? FORM + name : null, text));
        if (query.valid()) {
            if (query.filter().outcome() != null) {
                form.put(AuditQuery.OUTCOME, query.filter().outcome().name()); // as the select names it
            }
            // one more than a page tells whether an older page exists
            List<AuditEntry> found = ui.attempt(null, () -> audit.search(query.filter(), query.beforeSeq(),
                    PAGE + 1)).orElse(List.of());
            older = found.size() > PAGE;
            entries = older ? found.subList(0, PAGE) : found;
        }
    }

    /**
     * A preRenderView listener with nothing left to do: it only makes sure that the bean, and with it the search,
     * exists before the page's message list renders (it renders ahead of the content), so that messages about bad
     * parameters appear there. On a post the form's rendered attributes have created the bean already.
     */
    public void beforeRender() {
        // the search ran when the bean was created
    }

    /** The "Verify chain" button. */
    public void verify() {
        verdict = ui.attempt(null, audit::verify).map(AuditVerdict::new).orElse(null);
    }

    public List<AuditEntry> getEntries() {
        return entries;
    }

    public AuditVerdict getVerdict() {
        return verdict;
    }

    public boolean isOlder() {
        return older;
    }

    /** The next page: the same filter, records before the last one shown. */
    public String getOlderUrl() {
        return page("/audit.xhtml", entries.isEmpty() ? null : entries.get(entries.size() - 1).seq());
    }

    /** Back to the newest records of this filter (shown on older pages). */
    public String getNewestUrl() {
        return page("/audit.xhtml", null);
    }

    /** False when a parameter was refused: the page then shows the messages instead of results. */
    public boolean isValid() {
        return query.valid();
    }

    public boolean isPaged() {
        return query.beforeSeq() != null;
    }

    public String getExportUrl() {
        return page("/audit.csv", null);
    }

    private String page(String path, Long before) {
        return external().getRequestContextPath() + path + query.queryString(before);
    }

    /**
     * The filter form's values as given, for showing them again. Writable: a post of the verify form also decodes
     * these inputs (they sit outside every Faces form), and what it writes here is never used.
     */
    public Map<String, String> getForm() {
        return form;
    }

    /** The outcome select's choices (the empty choice, any outcome, is the page's). */
    public List<String> getOutcomes() {
        return Stream.of(Outcome.values()).map(Outcome::name).toList();
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
