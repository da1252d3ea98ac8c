package org.lectern.node.settings;

import org.lectern.shared.settings.SettingsView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cluster settings browsers need (feature toggles, autosave interval, banner); any logged-in user reads them. */
@RestController
class SettingsController {

    private final ClusterSettings settings;

    SettingsController(ClusterSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/settings")
    SettingsView settings() {
        return new SettingsView(settings.values(), "", 0);
    }
}
