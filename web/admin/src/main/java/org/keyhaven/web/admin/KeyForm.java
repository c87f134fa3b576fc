package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.RotationPeriod;

/**
 * The key list's create form (crypto officers). It builds the request exactly as the management API does (algorithm,
 * {@link KeySpec#of}, usages, {@link RotationPeriod}, {@link KeyDefinition}), checking each part on its own so that
 * every mistake shows next to its field at once; then the key service creates the key, or turns the request into an
 * approval request under dual control. A created key's page follows by redirect.
 */
@Named
@RequestScoped
public class KeyForm {

    static final String NAME = "createKey:name";
    static final String ALGORITHM = "createKey:algorithm";
    static final String LENGTH = "createKey:length";
    static final String CURVE = "createKey:curve";
    static final String USAGE = "createKey:usage";
    static final String ROTATION = "createKey:rotation";

    @EJB
    private KeyService keys;

    @Inject
    private UiActions ui;

    private String name;
    private String algorithm = KeyAlgorithm.AES.externalName();
    private Integer length;
    private String curve;
    private List<String> usages = new ArrayList<>();
    private boolean exportable;
    private String rotation;
    private boolean activate;

    public void create() throws IOException {
        boolean nameValid = ui.run(NAME, () -> KeyDefinition.validateName(name));
        Optional<KeySpec> spec = ui.attempt(ALGORITHM, () -> KeyAlgorithm.parse(algorithm))
                .flatMap(parsed -> ui.attempt(curve != null ? CURVE : LENGTH, () -> KeySpec.of(parsed, length, curve)));
        Optional<Set<KeyUsage>> usage = ui.attempt(USAGE, this::parseUsages);
        boolean noRotation = rotation == null || rotation.isBlank();
        Optional<RotationPeriod> period = noRotation ? Optional.empty()
                : ui.attempt(ROTATION, () -> new RotationPeriod(rotation));
        if (!nameValid || spec.isEmpty() || usage.isEmpty() || (!noRotation && period.isEmpty())) {
            return;
        }
        Optional<KeyDefinition> definition = ui.attempt(USAGE, () -> new KeyDefinition(name, spec.get(), usage.get(),
                exportable, period.orElse(null), null, null, Map.of()));
        if (definition.isEmpty()) {
            return;
        }
        // after the checks above, a duplicate name is the refusal that belongs to a field
        Optional<KeyView> created = ui.attempt(NAME, () -> keys.create(definition.get(), activate));
        if (created.isPresent()) {
            KeyView key = created.get();
            ui.info("Key " + key.name() + " was created; it is " + key.state() + ".");
            KeyRedirect.toKey(ui, key.id());
        }
    }

    private Set<KeyUsage> parseUsages() {
        Set<KeyUsage> parsed = EnumSet.noneOf(KeyUsage.class);
        usages.forEach(text -> parsed.add(KeyUsage.parse(text)));
        return parsed;
    }

    public List<String> getAlgorithms() {
        return Arrays.stream(KeyAlgorithm.values()).map(KeyAlgorithm::externalName).toList();
    }

    public List<String> getCurves() {
        return Arrays.stream(EcCurve.values()).map(EcCurve::displayName).toList();
    }

    public List<String> getUsageChoices() {
        return Arrays.stream(KeyUsage.values()).map(KeyUsage::name).toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public Integer getLength() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    public String getCurve() {
        return curve;
    }

    public void setCurve(String curve) {
        this.curve = curve;
    }

    public List<String> getUsages() {
        return usages;
    }

    public void setUsages(List<String> usages) {
        this.usages = usages == null ? new ArrayList<>() : usages;
    }

    public boolean isExportable() {
        return exportable;
    }

    public void setExportable(boolean exportable) {
        this.exportable = exportable;
    }

    public String getRotation() {
        return rotation;
    }

    public void setRotation(String rotation) {
        this.rotation = rotation;
    }

    public boolean isActivate() {
        return activate;
    }

    public void setActivate(boolean activate) {
        this.activate = activate;
    }
}
