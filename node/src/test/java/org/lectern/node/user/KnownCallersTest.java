package org.lectern.node.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.InMemoryLastKnownRecords;
import org.lectern.node.support.MutableClock;
import org.lectern.node.web.DatabaseReachability;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class KnownCallersTest {

    private final UserDirectory directory = mock(UserDirectory.class);
    private final KnownCallers callers = new KnownCallers(directory, new InMemoryLastKnownRecords(),
            new DatabaseReachability(new MutableClock(Instant.parse("2026-12-05T10:00:00Z"))));

    @Test
    void shouldAnswerTheLastSeenAccountWhenTheDatabaseIsUnreachable() {
        given(directory.find("ada")).willReturn(Optional.of(new UserSummary(3, "ada", "Ada", true)));
        callers.find("ada");
        given(directory.find("ada")).willThrow(new CannotGetJdbcConnectionException("refused"));

        assertThat(callers.find("ada")).contains(new CurrentUser(3, "ada", true));
    }

    @Test
    void shouldFailAsTheDatabaseDidForALoginNeverSeen() {
        given(directory.find("bob")).willThrow(new CannotGetJdbcConnectionException("refused"));

        assertThatThrownBy(() -> callers.find("bob")).isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void shouldForgetALoginTheDatabaseNoLongerHas() {
        given(directory.find("eve")).willReturn(Optional.of(new UserSummary(5, "eve", "Eve", false)));
        callers.find("eve");
        given(directory.find("eve")).willReturn(Optional.empty());
        assertThat(callers.find("eve")).isEmpty();
        given(directory.find("eve")).willThrow(new CannotGetJdbcConnectionException("refused"));

        assertThatThrownBy(() -> callers.find("eve")).isInstanceOf(CannotGetJdbcConnectionException.class);
    }
}
