package org.lectern.console.settings;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lectern.console.operations.OperationsViewModel;
import org.lectern.shared.settings.ClusterSetting;

/** One cluster-wide setting: what the cluster holds, and what the operator is typing. */
public final class SettingRow {

    private final ClusterSetting setting;
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current");
    private final StringProperty edited = new SimpleStringProperty(this, "edited");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    SettingRow(ClusterSetting setting) {
        this.setting = setting;
        current.set(setting.defaultValue());
        edited.set(setting.defaultValue());
        edited.addListener((observable, before, after) ->
                problem.set(OperationsViewModel.validateSetting(setting, after).orElse("")));
    }

    public ClusterSetting setting() {
        return setting;
    }

    public String key() {
        return setting.key();
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public StringProperty editedProperty() {
        return edited;
    }

    /** Why the edited value cannot be applied; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean dirty() {
        return !edited.get().equals(current.get());
    }

    void stored(String value) {
        boolean follow = !dirty();
        current.set(value);
        if (follow) {
            edited.set(value);
        }
    }
}
