package org.lectern.node.web;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become RFC 9457 problem details. The status alone tells a client what to do:
 * 4xx means "change the request", 429 and 503 (with {@code Retry-After}) mean "send it again later", and a 500
 * is our bug, never the answer to bad input. Spring's base class covers the HTTP-level mistakes (400 for
 * unreadable or invalid input and wrong parameter types, 404 for unknown paths, 405, 413 for uploads, 415).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Transient failures clear in moments: a lock is released, a connection returns to the pool. */
    private static final Duration RETRY_TRANSIENT_AFTER = Duration.ofSeconds(1);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByTooLargeBody(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than this server accepts.");
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static boolean causedByTooLargeBody(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The login store failed, not the password: the client should try again rather than doubt its password. */
    @ExceptionHandler(AuthenticationServiceException.class)
    ResponseEntity<ProblemDetail> authenticationUnavailable(AuthenticationServiceException e) {
        log.warn("Could not check a login: {}", e.toString());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "The login cannot be checked right now; try again.",
                RETRY_TRANSIENT_AFTER);
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail wrongCredentials(AuthenticationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong username or password.");
    }

    @ExceptionHandler({NoSuchElementException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A race lost against another request or node, caught by a database constraint: nothing was changed. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail constraintViolated(DataIntegrityViolationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The request conflicts with data that exists already.");
    }

    /** A list asked to be sorted by a property its items do not have ({@code ?sort=...}). */
    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Cannot sort by '" + printable(e.getPropertyName()) + "': the listed items have no such property.");
    }

    /**
     * A query the request's {@code sort} made invalid (a property or expression the query cannot order by): queries
     * of ours are checked when the node starts, so a request with a sort that fails this way failed by its sort.
     * Without one it stays our bug.
     */
    @ExceptionHandler(InvalidDataAccessApiUsageException.class)
    ProblemDetail invalidQuery(InvalidDataAccessApiUsageException e, WebRequest request) {
        if (request.getParameter("sort") != null) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The sort parameter names no property of the listed items.");
        }
        return unexpected(e);
    }

    /** A body declared as multipart/form-data that is not one (no boundary, cut off, malformed). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not a readable multipart/form-data upload.");
    }

    private static String printable(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Bean Validation of a {@code @Validated} bean's method parameters. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintsViolated(ConstraintViolationException e) {
        String violations = e.getConstraintViolations().stream()
                .map(ApiExceptionHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + violations);
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1) + " " + violation.getMessage();
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), e.retryAfter());
    }

    /** Refused before doing anything, for a reason that passes (a node cut off from its cluster, a flush backlog past its bound). */
    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
        log.info("Answered 503: {}", e.toString());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e.retryAfter());
    }

    /**
     * Lost a lock, timed out or lost the connection: the request was rolled back and the same request may well
     * succeed a moment later. Pessimistic and optimistic lock failures are {@link TransientDataAccessException}s;
     * the JPA ones are listed for the places where Spring does not translate them.
     */
    @ExceptionHandler({TransientDataAccessException.class, RecoverableDataAccessException.class,
            OptimisticLockException.class, PessimisticLockException.class, LockTimeoutException.class})
    ResponseEntity<ProblemDetail> transientFailure(Exception e) {
        log.info("Answered 503 for a transient failure: {}", e.toString());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE,
                "The request collided with others or the database is busy; nothing was changed, try again.",
                RETRY_TRANSIENT_AFTER);
    }

    /**
     * The database cannot be reached (stopped, restarting, network): nothing was read or written. Retried later
     * than a lost lock, as a database comes back in tens of seconds, not moments; the pages retry by themselves.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, WebRequest request) {
        log.info("Answered 503, the database is unreachable: {}", e.toString());
        String method = request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() : "GET";
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.detailFor(method),
                DatabaseUnavailable.RETRY_AFTER);
    }

    /**
     * A failure the persistence layer could not name: when a connection broke mid-request, the rollback fails too
     * and its error replaces the request's own; that is the database being away, not our bug.
     */
    @ExceptionHandler({UncategorizedDataAccessException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> uncategorizedDatabaseFailure(Exception e, WebRequest request) {
        if (DatabaseReachability.isUnreachable(e)) {
            return databaseUnavailable(e, request);
        }
        return ResponseEntity.internalServerError().body(unexpected(e));
    }

    /**
     * Anything not foreseen is our bug: logged in full under an id the client sees, answered without internals.
     * Exceptions that declare their own status keep it.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse errorResponse) {
            return errorResponse.getBody();
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (declared != null) {
            return ProblemDetail.forStatusAndDetail(declared.code(),
                    declared.reason().isEmpty() ? declared.code().getReasonPhrase() : declared.reason());
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred on the server; quote error id " + errorId + " when reporting it.");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String detail, Duration after) {
        long seconds = Math.max(1, (after.toMillis() + 999) / 1000);
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
