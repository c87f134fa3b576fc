package org.keyhaven.system;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.keyhaven.common.Times;

/** Server settings kept in the database; seeded at first start. */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@Lock(LockType.READ)
public class SystemSettings {

    static final String ENVIRONMENT = "environment.label";

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @PostConstruct
    void seed() {
        if (em.find(Setting.class, ENVIRONMENT) == null) {
            String fromEnvironment = System.getenv(EnvironmentLabel.ENVIRONMENT_VARIABLE);
            em.persist(new Setting(ENVIRONMENT, EnvironmentLabel.normalize(
                    fromEnvironment == null || fromEnvironment.isBlank() ? EnvironmentLabel.DEFAULT : fromEnvironment),
                    Times.now()));
        }
    }

    /** A setting's value, if it is set. */
    public java.util.Optional<String> value(String name) {
        return java.util.Optional.ofNullable(em.find(Setting.class, name)).map(Setting::value);
    }

    /** Sets a setting (created or changed). */
    @Lock(LockType.WRITE)
    public void put(String name, String value) {
        Setting setting = em.find(Setting.class, name);
        if (setting == null) {
            em.persist(new Setting(name, value, Times.now()));
        } else {
            setting.change(value, Times.now());
        }
    }

    public String environmentLabel() {
        Setting setting = em.find(Setting.class, ENVIRONMENT);
        return setting == null ? EnvironmentLabel.DEFAULT : setting.value();
    }
}
