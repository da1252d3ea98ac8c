package org.lectern.console.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.operations.Operation;
import org.lectern.console.operations.OperationsViewModel;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.settings.ClusterSetting;

/** The cluster-wide settings, edited in one place and applied to every node through a signed SET_SETTING. */
public final class SettingsViewModel {

    private final Callable<Map<String, String>> source;
    private final BackgroundExecutor background;
    private final OperationsViewModel operations;
    private final ObservableList<SettingRow> rows = FXCollections.observableArrayList(
            Arrays.stream(ClusterSetting.values()).map(SettingRow::new).toList());
    private boolean fetching;

    public SettingsViewModel(Callable<Map<String, String>> source, BackgroundExecutor background,
            OperationsViewModel operations) {
        this.source = source;
        this.background = background;
        this.operations = operations;
    }

    public List<SettingRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public void refresh() {
        if (fetching) {
            return;
        }
        fetching = true;
        background.run(source, stored -> {
            fetching = false;
            apply(stored);
        }, failure -> fetching = false);
    }

    void apply(Map<String, String> stored) {
        rows.forEach(row -> row.stored(stored.getOrDefault(row.key(), row.setting().defaultValue())));
    }

    /**
     * Sends the edited value to every node.
     *
     * @throws IllegalArgumentException when the value is not valid for the setting (nothing is sent)
     */
    public Operation apply(SettingRow row) {
        return operations.setSetting(row.setting(), row.editedProperty().get());
    }
}
