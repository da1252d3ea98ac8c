package org.lectern.node.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A cluster setting an operator changed, so that it outlives a restart of the whole cluster. */
@Entity
@Table(name = "cluster_settings")
class StoredSetting {

    @Id
    @Column(name = "setting_key", length = 100)
    private String key;

    @Column(name = "setting_value", nullable = false, length = 1000)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    private String changedBy;

    protected StoredSetting() {
    }

    StoredSetting(String key, String value, Instant changedAt, String changedBy) {
        this.key = key;
        this.value = value;
        this.changedAt = changedAt;
        this.changedBy = changedBy.length() <= 200 ? changedBy : changedBy.substring(0, 200);
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }
}
