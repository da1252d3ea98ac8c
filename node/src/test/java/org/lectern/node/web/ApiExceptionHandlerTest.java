package org.lectern.node.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import java.sql.SQLException;
import java.time.Duration;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Each way a request can go wrong, thrown by a stand-in controller, and the problem detail it becomes. */
class ApiExceptionHandlerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ApiExceptionHandler())
            .build();

    @Nested
    class BadInput {

        @Test
        void shouldAnswer400WhenAPathVariableHasTheWrongType() throws Exception {
            mvc.perform(get("/things/abc"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }

        @Test
        void shouldAnswer400WhenARequiredHeaderIsMissing() throws Exception {
            mvc.perform(get("/needs-header"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }

        @Test
        void shouldAnswer400NamingTheParameterWhenAMethodConstraintIsViolated() throws Exception {
            mvc.perform(get("/constraint-violated"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("size must be greater than or equal to 1")));
        }

        @Test
        void shouldAnswer413WhenAnUploadIsTooLarge() throws Exception {
            mvc.perform(get("/upload-too-large"))
                    .andExpect(status().is(HttpStatus.CONTENT_TOO_LARGE.value()))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Nested
    class TryAgain {

        @Test
        void shouldAnswer503WithRetryAfterWhenAnOptimisticLockFailed() throws Exception {
            mvc.perform(get("/optimistic-lock"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.detail").value(containsString("try again")));
        }

        @Test
        void shouldAnswer503WithRetryAfterWhenALockCouldNotBeAcquired() throws Exception {
            mvc.perform(get("/lock-not-acquired"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"));
        }

        @Test
        void shouldAnswer503WithRetryAfterWhenAQueryTimedOut() throws Exception {
            mvc.perform(get("/query-timeout"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"));
        }

        @Test
        void shouldAnswer503RetryingAfterSecondsWhenTheDatabaseIsUnreachableForARead() throws Exception {
            mvc.perform(get("/database-down"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail").value("The database is unavailable; try again in a few seconds."));
        }

        @Test
        void shouldSayTheWorkWasNotSavedWhenTheDatabaseIsUnreachableForASave() throws Exception {
            mvc.perform(put("/database-down"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail")
                            .value("The database is unavailable; your work was not saved, the page retries."));
        }

        @Test
        void shouldAnswer503WhenARollbackFailsBecauseTheConnectionBroke() throws Exception {
            mvc.perform(get("/rollback-failed"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail").value("The database is unavailable; try again in a few seconds."));
        }

        @Test
        void shouldAnswer503WhenTheLoginStoreFailed() throws Exception {
            mvc.perform(get("/login-store-down"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.detail").value(not(containsString("Wrong username"))));
        }

        @Test
        void shouldAnswer429WithRetryAfterInWholeSecondsWhenABudgetIsSpent() throws Exception {
            mvc.perform(get("/too-many"))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "3"))
                    .andExpect(jsonPath("$.detail").value("Slow down."));
        }

        @Test
        void shouldAnswer503WithTheRetryAfterTheRefusalDrewWhenTheNodeIsBusy() throws Exception {
            mvc.perform(get("/busy"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("Saves wait for the database."));
        }
    }

    @Nested
    class OurFault {

        @Test
        void shouldAnswer500WithAnErrorIdButNoInternalsWhenSomethingUnexpectedFails() throws Exception {
            mvc.perform(get("/bug"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errorId").value(matchesPattern("[0-9a-f-]{36}")))
                    .andExpect(jsonPath("$.detail").value(not(containsString("secret internal state"))))
                    .andExpect(content().string(not(containsString("IllegalStateException"))));
        }

        @Test
        void shouldAnswer500WithAnErrorIdWhenThePersistenceLayerFailsWithTheDatabaseThere() throws Exception {
            mvc.perform(get("/uncategorized-bug"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.errorId").value(matchesPattern("[0-9a-f-]{36}")))
                    .andExpect(content().string(not(containsString("secret internal state"))));
        }

        @Test
        void shouldKeepTheStatusAnExceptionDeclaresWhenItIsNotMappedOtherwise() throws Exception {
            mvc.perform(get("/declared-status"))
                    .andExpect(status().isGone())
                    .andExpect(jsonPath("$.detail").value("It is gone"));
        }
    }

    @RestController
    static class FailingController {

        private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

        @GetMapping("/things/{id}")
        String thing(@PathVariable long id) {
            return "thing " + id;
        }

        @GetMapping("/needs-header")
        String needsHeader(@RequestHeader("Idempotency-Key") String key) {
            return key;
        }

        @GetMapping("/constraint-violated")
        String constraintViolated() {
            throw new ConstraintViolationException(VALIDATOR.validate(new PageRequest(0)));
        }

        @GetMapping("/upload-too-large")
        String uploadTooLarge() {
            throw new MaxUploadSizeExceededException(10);
        }

        @GetMapping("/optimistic-lock")
        String optimisticLock() {
            throw new ObjectOptimisticLockingFailureException(Object.class, 1L);
        }

        @GetMapping("/lock-not-acquired")
        String lockNotAcquired() {
            throw new CannotAcquireLockException("lock wait timeout", new SQLException("40P01"));
        }

        @GetMapping("/query-timeout")
        String queryTimeout() {
            throw new QueryTimeoutException("statement timeout");
        }

        @GetMapping("/rollback-failed")
        String rollbackFailed() {
            throw new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                    new SQLException("Connection is closed")));
        }

        @GetMapping("/uncategorized-bug")
        String uncategorizedBug() {
            throw new JpaSystemException(new RuntimeException("secret internal state"));
        }

        @RequestMapping(path = "/database-down", method = {RequestMethod.GET, RequestMethod.PUT})
        String databaseDown() {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction");
        }

        @GetMapping("/login-store-down")
        String loginStoreDown() {
            throw new AuthenticationServiceException("connection refused");
        }

        @GetMapping("/too-many")
        String tooMany() {
            throw new TooManyRequestsException("Slow down.", Duration.ofMillis(2500));
        }

        @GetMapping("/busy")
        String busy() {
            throw new NodeBusyException("Saves wait for the database.", Duration.ofSeconds(2));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("secret internal state");
        }

        @GetMapping("/declared-status")
        String declaredStatus() {
            throw new GoneException();
        }
    }

    record PageRequest(@Min(1) int size) {
    }

    @ResponseStatus(code = HttpStatus.GONE, reason = "It is gone")
    static class GoneException extends RuntimeException {
    }
}
