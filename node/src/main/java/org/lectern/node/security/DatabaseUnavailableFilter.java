package org.lectern.node.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.lectern.node.web.DatabaseReachability;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when a security filter needed the unreachable database (the token's user,
 * for a login no node has seen yet). Without it the failure would leave the filters as an exception and become a
 * 500 error page; the API's own error handler sees only what controllers throw.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    DatabaseUnavailableFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException failure) {
            if (!answered(request, response, failure)) {
                throw failure;
            }
        } catch (ServletException failure) {
            // What a controller threw and no handler answered arrives wrapped by the dispatcher.
            if (!answered(request, response, failure)) {
                throw failure;
            }
        }
    }

    private boolean answered(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        if (!DatabaseReachability.isUnreachable(failure) || response.isCommitted()) {
            return false;
        }
        problems.databaseUnavailable(request, response);
        return true;
    }
}
