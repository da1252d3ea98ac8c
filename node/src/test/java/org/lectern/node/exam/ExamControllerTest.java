package org.lectern.node.exam;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.KnownCallers;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.HttpApiProperties;
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

/** The exam controller alone (MVC slice, services mocked): input checks and the statuses of the services' refusals. */
// The controller alone: the browser pages' advice, the settings' interceptor and the STOMP error advice belong to
// other features.
@WebMvcTest(controllers = ExamController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.lectern\\.node\\.(pages|settings|messaging)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties(HttpApiProperties.class) // the slice picks up the request-size filter, not its settings
@WithMockUser("teacher")
class ExamControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ExamService exams;

    @MockitoBean
    private StudentExamService studentExams;

    @MockitoBean
    private ExamLiveService live;

    @MockitoBean
    private KnownCallers users;

    @BeforeEach
    void loggedIn() {
        given(users.find("teacher")).willReturn(Optional.of(new CurrentUser(7, "teacher", false)));
    }

    @Test
    void shouldRefuseAnExamWithoutDatesBeforeAskingAnyService() throws Exception {
        mvc.perform(post("/api/courses/1/exams").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Final\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(exams, studentExams, live);
    }

    @Test
    void shouldRefuseANegativeWorkingTime() throws Exception {
        mvc.perform(put("/api/exams/4/working-time").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workingTimeSeconds\":-60}"))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(exams, studentExams, live);
    }

    @Test
    void shouldRefuseAnEmptyRegistration() throws Exception {
        mvc.perform(post("/api/exams/4/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"logins\":[]}"))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(exams, studentExams, live);
    }

    @Test
    void shouldAnswerAGenerationWithoutGroupsWith409() throws Exception {
        given(studentExams.generate(anyLong(), any())).willThrow(new ConflictException("The exam has no exercise groups."));

        mvc.perform(post("/api/exams/4/student-exams/generate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The exam has no exercise groups."));
    }
}
