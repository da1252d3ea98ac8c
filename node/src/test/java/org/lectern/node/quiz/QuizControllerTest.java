package org.lectern.node.quiz;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.KnownCallers;
import org.lectern.node.web.HttpApiProperties;
import org.lectern.node.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quiz controller alone (MVC slice, services mocked): bad input is refused before any service is asked, and
 * the services' refusals become the documented statuses. Security filters are the full node's business
 * ({@code AccessMatrixAuthorizationIT}); here the caller is simply logged in.
 */
// The controller alone: the browser pages' advice, the settings' interceptor and the STOMP error advice belong to
// other features.
@WebMvcTest(controllers = QuizController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.lectern\\.node\\.(pages|settings|messaging)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties(HttpApiProperties.class) // the slice picks up the request-size filter, not its settings
@WithMockUser("teacher")
class QuizControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private QuizService quizzes;

    @MockitoBean
    private CourseAccess access;

    @MockitoBean
    private KnownCallers users;

    @MockitoBean
    private QuizLiveEvents live;

    @BeforeEach
    void loggedIn() {
        given(users.find("teacher")).willReturn(Optional.of(new CurrentUser(7, "teacher", false)));
    }

    @Test
    void shouldRefuseAQuizWithoutQuestionsBeforeAskingAnyService() throws Exception {
        mvc.perform(post("/api/courses/1/quizzes").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Q\",\"durationSeconds\":60,\"questions\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(quizzes, access);
    }

    @Test
    void shouldRefuseADurationOutsideTenSecondsToTwoHours() throws Exception {
        mvc.perform(post("/api/courses/1/quizzes").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Q","durationSeconds":5,"questions":[{"type":"SINGLE_CHOICE","text":"?",
                                 "points":1,"options":[{"text":"a","correct":true}]}]}"""))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(quizzes, access);
    }

    @Test
    void shouldRefuseMalformedAnswersWith400() throws Exception {
        mvc.perform(put("/api/quizzes/3/submission").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\": [ {"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON of the expected shape."));

        verifyNoInteractions(quizzes, access);
    }

    @Test
    void shouldAnswerAnUnknownQuizWith404() throws Exception {
        given(quizzes.courseOf(anyLong())).willThrow(new NotFoundException("quiz", 99));

        mvc.perform(get("/api/quizzes/99/live"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No quiz 99"));
    }

    @Test
    void shouldAnswerANonMemberWith403() throws Exception {
        given(quizzes.courseOf(3)).willReturn(1L);
        given(access.require(eq(1L), any(), any()))
                .willThrow(new org.springframework.security.access.AccessDeniedException("Not a member of course 1"));

        mvc.perform(post("/api/quizzes/3/start"))
                .andExpect(status().isForbidden());
    }
}
