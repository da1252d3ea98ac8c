package org.lectern.node.settings;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lectern.node.operations.CommandHandler;
import org.lectern.node.operations.CommandProgress;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.settings.ClusterSetting;
import org.springframework.stereotype.Component;

/** SET_SETTING {@code key=value}: one cluster setting, for every node. Carried out by the coordinator alone. */
@Component
class SetSettingHandler implements CommandHandler {

    private final ClusterSettings settings;

    SetSettingHandler(ClusterSettings settings) {
        this.settings = settings;
    }

    @Override
    public CommandKind kind() {
        return CommandKind.SET_SETTING;
    }

    @Override
    public Optional<String> refusal(OperatorCommand command) {
        int equals = command.argument().indexOf('=');
        if (equals < 0) {
            return Optional.of("SET_SETTING takes key=value, not '" + command.argument() + "'");
        }
        String key = command.argument().substring(0, equals);
        Optional<ClusterSetting> setting = ClusterSetting.byKey(key);
        if (setting.isEmpty()) {
            return Optional.of("no setting '" + key + "'; the settings are " + Arrays.stream(ClusterSetting.values())
                    .map(ClusterSetting::key).collect(Collectors.joining(", ")));
        }
        return setting.get().problemWith(command.argument().substring(equals + 1));
    }

    @Override
    public String execute(OperatorCommand command, CommandProgress progress) {
        int equals = command.argument().indexOf('=');
        ClusterSetting setting = ClusterSetting.byKey(command.argument().substring(0, equals)).orElseThrow();
        String value = command.argument().substring(equals + 1);
        settings.change(setting, value, command.operator());
        return setting.key() + " is now '" + value + "' on every node";
    }
}
