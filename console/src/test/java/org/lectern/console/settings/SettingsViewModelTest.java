package org.lectern.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.lectern.console.operations.CommandGateway;
import org.lectern.console.operations.OperationsViewModel;
import org.lectern.console.operations.OperatorCredential;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.settings.ClusterSetting;

class SettingsViewModelTest {

    private final List<OperatorCommand> sent = new ArrayList<>();
    private final AtomicReference<Map<String, String>> stored = new AtomicReference<>(Map.of());
    private final OperationsViewModel operations = new OperationsViewModel(new CommandGateway() {
        @Override
        public void submit(OperatorCommand command) {
            sent.add(command);
        }

        @Override
        public Map<String, CommandResult> results(java.util.Collection<String> commandIds) {
            return Map.of();
        }
    }, new SynchronousBackgroundExecutor(), Clock.systemUTC());
    private final SettingsViewModel viewModel = new SettingsViewModel(stored::get, new SynchronousBackgroundExecutor(), operations);

    private SettingRow row(ClusterSetting setting) {
        return viewModel.rows().stream().filter(row -> row.setting() == setting).findFirst().orElseThrow();
    }

    @Test
    void shouldShowDefaultsWhenNothingIsStored() {
        viewModel.refresh();

        assertThat(row(ClusterSetting.SAVES_PER_MINUTE).currentProperty().get()).isEqualTo("120");
        assertThat(row(ClusterSetting.SAVES_PER_MINUTE).dirty()).isFalse();
    }

    @Test
    void shouldKeepOperatorsEditWhenClusterValueChanges() {
        row(ClusterSetting.SAVES_PER_MINUTE).editedProperty().set("200");
        stored.set(Map.of("rate-limit.saves-per-minute", "150", "feature.file-uploads", "false"));

        viewModel.refresh();

        assertThat(row(ClusterSetting.SAVES_PER_MINUTE).currentProperty().get()).isEqualTo("150");
        assertThat(row(ClusterSetting.SAVES_PER_MINUTE).editedProperty().get()).isEqualTo("200");
        assertThat(row(ClusterSetting.FILE_UPLOADS_ENABLED).editedProperty().get()).isEqualTo("false");
    }

    @Test
    void shouldSendEditedValueToAllNodes() {
        operations.useCredential(OperatorCredential.fromSecret("olga", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        row(ClusterSetting.ANNOUNCEMENT_BANNER).editedProperty().set("Exam starts at 10:00");

        viewModel.apply(row(ClusterSetting.ANNOUNCEMENT_BANNER));

        assertThat(sent).singleElement().extracting(OperatorCommand::argument).isEqualTo("announcement.banner=Exam starts at 10:00");
    }

    @Test
    void shouldExplainAndSendNothingWhenValueIsInvalid() {
        operations.useCredential(OperatorCredential.fromSecret("olga", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        SettingRow autosave = row(ClusterSetting.AUTOSAVE_INTERVAL_SECONDS);

        autosave.editedProperty().set("0");

        assertThat(autosave.problemProperty().get()).isEqualTo("A whole number from 1 to 999999");
        assertThatIllegalArgumentException().isThrownBy(() -> viewModel.apply(autosave));
        assertThat(sent).isEmpty();
    }
}
