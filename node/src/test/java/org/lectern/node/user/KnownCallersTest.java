package org.lectern.node.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.InMemoryLastKnownRecords;
import org.lectern.node.support.MutableClock;
import org.lectern.node.web.DatabaseReachability;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class KnownCallersTest {

    private final UserDirectory directory = mock(UserDirectory.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final KnownCallers callers = new KnownCallers(directory, new InMemoryLastKnownRecords(),
            new DatabaseReachability(clock), clock);

    @Test
    void shouldReadAStudentFromTheDatabaseAgainOnlyAfterAWhile() {
        given(directory.find("kim")).willReturn(Optional.of(new UserSummary(4, "kim", "Kim", false)));

        assertThat(callers.find("kim")).contains(new CurrentUser(4, "kim", false));
        clock.advance(KnownCallers.READ_AGAIN_AFTER.minusSeconds(1));
        assertThat(callers.find("kim")).contains(new CurrentUser(4, "kim", false));
        verify(directory, times(1)).find("kim");

        clock.advance(KnownCallers.READ_AGAIN_AFTER);
        assertThat(callers.find("kim")).contains(new CurrentUser(4, "kim", false));
        verify(directory, times(2)).find("kim");
    }

    @Test
    void shouldReadAnAdministratorOnEveryRequestSoADemotionCountsAtOnce() {
        given(directory.find("ada")).willReturn(Optional.of(new UserSummary(3, "ada", "Ada", true)));
        assertThat(callers.find("ada")).contains(new CurrentUser(3, "ada", true));
        given(directory.find("ada")).willReturn(Optional.of(new UserSummary(3, "ada", "Ada", false)));

        assertThat(callers.find("ada")).contains(new CurrentUser(3, "ada", false));
    }

    @Test
    void shouldAskTheDatabaseEveryTimeForALoginItDoesNotHave() {
        given(directory.find("nobody")).willReturn(Optional.empty());

        assertThat(callers.find("nobody")).isEmpty();
        assertThat(callers.find("nobody")).isEmpty();
        verify(directory, times(2)).find("nobody");
    }

    @Test
    void shouldAnswerTheLastSeenAccountWhenTheDatabaseIsUnreachable() {
        given(directory.find("ada")).willReturn(Optional.of(new UserSummary(3, "ada", "Ada", true)));
        callers.find("ada");
        given(directory.find("ada")).willThrow(new CannotGetJdbcConnectionException("refused"));

        assertThat(callers.find("ada")).contains(new CurrentUser(3, "ada", true));
        verify(directory, times(2)).find("ada");
    }

    @Test
    void shouldFailAsTheDatabaseDidForALoginNeverSeen() {
        given(directory.find("bob")).willThrow(new CannotGetJdbcConnectionException("refused"));

        assertThatThrownBy(() -> callers.find("bob")).isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void shouldForgetALoginTheDatabaseNoLongerHasOnceItIsReadAgain() {
        given(directory.find("eve")).willReturn(Optional.of(new UserSummary(5, "eve", "Eve", false)));
        callers.find("eve");
        given(directory.find("eve")).willReturn(Optional.empty());
        clock.advance(KnownCallers.READ_AGAIN_AFTER);
        assertThat(callers.find("eve")).isEmpty();
        given(directory.find("eve")).willThrow(new CannotGetJdbcConnectionException("refused"));

        assertThatThrownBy(() -> callers.find("eve")).isInstanceOf(CannotGetJdbcConnectionException.class);
    }
}
