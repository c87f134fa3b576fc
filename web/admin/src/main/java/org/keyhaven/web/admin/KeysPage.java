package org.keyhaven.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyView;

/**
 * The key list: a page of {@value KeySearch#PAGE_SIZE} keys found by name prefix and state. The query comes from the
 * URL (name, state, page), so a search is a bookmark; it stays with the view, so the list is still the same after
 * the create form on this page fails. Crypto officers and auditors see keys; the service refuses anyone else.
 */
@Named
@ViewScoped
public class KeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private KeyService keys;

    @Inject
    private UiActions ui;

    private String name;
    private String state;
    private String page;

    private transient KeySearch search;
    private transient org.keyhaven.key.KeyPage found;

    /** The query is the URL's, as the view was first opened (posts to this view carry no query). */
    @PostConstruct
    void readQuery() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap();
        name = parameters.get("name");
        state = parameters.get("state");
        page = parameters.get("page");
    }

    /** Before each rendering (first view and after a post): the page of keys the query asks for. */
    public void load() {
        Optional<KeySearch> parsed = ui.attempt(null, () -> KeySearch.parse(name, state, page));
        search = parsed.orElse(null);
        found = parsed.flatMap(query -> ui.attempt(null, () -> keys.list(query.query()))).orElse(null);
    }

    public boolean isLoaded() {
        return found != null;
    }

    public List<KeyView> getItems() {
        return found == null ? List.of() : found.items();
    }

    public long getTotal() {
        return found == null ? 0 : found.total();
    }

    public KeySearch getSearch() {
        return search;
    }

    public boolean isHasPrevious() {
        return found != null && search.hasPrevious();
    }

    public boolean isHasNext() {
        return found != null && search.hasNext(found.total());
    }

    public int getPreviousPage() {
        return search.previousPage(found.total());
    }

    public String getSummary() {
        return found == null ? "" : search.describe(found.total(), found.items().size());
    }

    public List<KeyState> getStates() {
        return Arrays.asList(KeyState.values());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
