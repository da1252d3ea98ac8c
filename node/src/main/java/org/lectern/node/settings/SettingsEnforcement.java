package org.lectern.node.settings;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import org.lectern.node.web.ConflictException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes the cluster settings bite before a save reaches its feature: file uploads refused while
 * {@code feature.file-uploads} is off (409), and every kind of save counted against the user's
 * {@code rate-limit.saves-per-minute} (429 with Retry-After). Saves are recognised by their mapped endpoint, so the
 * features that serve them need not know about settings.
 */
@Configuration(proxyBeanMethods = false)
class SettingsEnforcement implements WebMvcConfigurer, HandlerInterceptor {

    static final String UPLOAD = "POST /api/exercises/{exerciseId}/submission/file";
    /** Every endpoint that saves a student's work. */
    static final Set<String> SAVES = Set.of(
            "PUT /api/exercises/{exerciseId}/submission",
            UPLOAD,
            "PUT /api/exams/{examId}/exercises/{exerciseId}/submission",
            "PUT /api/quizzes/{id}/submission");

    private final ClusterSettings settings;
    private final SaveRateLimiter limiter;

    SettingsEnforcement(ClusterSettings settings, SaveRateLimiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String endpoint = request.getMethod() + " "
                + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!SAVES.contains(endpoint)) {
            return true;
        }
        if (endpoint.equals(UPLOAD) && !settings.fileUploadsEnabled()) {
            throw new ConflictException("File uploads are switched off for the moment (cluster setting "
                    + "feature.file-uploads); nothing was saved. Try again later or ask your instructor.");
        }
        Principal user = request.getUserPrincipal();
        if (user != null) {
            limiter.take(user.getName());
        }
        return true;
    }
}
