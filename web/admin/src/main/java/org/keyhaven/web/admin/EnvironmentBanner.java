package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;
import org.keyhaven.system.SystemSettings;

/** The environment label on every page, the login page included, so nobody mistakes production for test. */
@Named("environment")
@RequestScoped
public class EnvironmentBanner {

    @EJB
    private SystemSettings settings;

    private String label;

    public String getLabel() {
        if (label == null) {
            label = settings.environmentLabel();
        }
        return label;
    }

    /** {@code env-production} (red), {@code env-test}, or {@code env-other}. */
    public String getStyleClass() {
        String value = getLabel().toLowerCase(Locale.ROOT);
        return "production".equals(value) || "prod".equals(value) ? "env-production"
                : "test".equals(value) ? "env-test" : "env-other";
    }
}
