package org.keyhaven.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named server setting. */
@Entity
@Table(name = "kh_setting")
public class Setting {

    @Id
    private String name;

    @Column(name = "setting_value", nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Setting() {
    }

    Setting(String name, String value, Instant now) {
        this.name = name;
        this.value = value;
        this.updatedAt = now;
    }

    String value() {
        return value;
    }

    void change(String newValue, Instant now) {
        value = newValue;
        updatedAt = now;
    }
}
