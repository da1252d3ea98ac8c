package org.lectern.node.pages;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.lectern.node.settings.ClusterSettings;
import org.lectern.node.user.CurrentUser;
import org.lectern.shared.settings.ClusterSetting;
import org.lectern.node.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page gets: the texts its scripts show (the {@code js.*} keys of the one message bundle, so that
 * every student-visible text lives in {@code messages.properties}), the autosave interval and announcement banner
 * of the cluster settings, and an error page
 * instead of a problem document when the caller may not open the page.
 */
@ControllerAdvice(assignableTypes = {StudentPages.class, StaffPages.class})
class PageModel {

    private static final String SCRIPT_PREFIX = "js.";

    private final Map<String, String> scriptTexts;
    private final ClusterSettings settings;

    PageModel(ClusterSettings settings) {
        this.settings = settings;
        ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ENGLISH);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(SCRIPT_PREFIX)) {
                texts.put(key.substring(SCRIPT_PREFIX.length()), bundle.getString(key));
            }
        }
        this.scriptTexts = Map.copyOf(texts);
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("texts", scriptTexts);
        // Cluster-wide settings: the operator changes them once for every node; pages also hear changes live.
        model.addAttribute("autosaveSeconds", Integer.parseInt(settings.value(ClusterSetting.AUTOSAVE_INTERVAL_SECONDS)));
        model.addAttribute("banner", settings.value(ClusterSetting.ANNOUNCEMENT_BANNER));
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("messageKey", "error.forbidden");
        return "error-page";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.notFound");
        return "error-page";
    }

    /** The logged-in user's login, for the page header; null on the login page. */
    static void user(Model model, CurrentUser user) {
        model.addAttribute("login", user.login());
        model.addAttribute("admin", user.admin());
    }
}
