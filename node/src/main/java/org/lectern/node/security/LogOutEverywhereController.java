package org.lectern.node.security;

import org.lectern.node.user.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** "Log out everywhere" for a user; under {@code /api/admin}, so administrators only. */
@RestController
class LogOutEverywhereController {

    private final Revocations revocations;

    LogOutEverywhereController(Revocations revocations) {
        this.revocations = revocations;
    }

    @PostMapping("/api/admin/users/{login}/log-out-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOutEverywhere(@PathVariable String login, CurrentUser caller) {
        revocations.logOutEverywhere(login, caller.login());
    }
}
