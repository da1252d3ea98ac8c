package org.lectern.node.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** The page convention on a bare MVC context: the JSON shape every list has, and the cap on the page size. */
@SpringJUnitWebConfig(PaginationConfigurationTest.Context.class)
class PaginationConfigurationTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp(@Autowired WebApplicationContext context) {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void shouldSerialiseAPageAsContentAndPageMetadataWhenAListIsPaged() throws Exception {
        mvc.perform(get("/numbers").param("page", "1").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(10))
                .andExpect(jsonPath("$.content[0]").value(10))
                .andExpect(jsonPath("$.page.number").value(1))
                .andExpect(jsonPath("$.page.size").value(10))
                .andExpect(jsonPath("$.page.totalElements").value(2000))
                .andExpect(jsonPath("$.page.totalPages").value(200))
                .andExpect(jsonPath("$.pageable").doesNotExist());
    }

    @Test
    void shouldCapThePageSizeAt500WhenMoreIsAskedFor() throws Exception {
        mvc.perform(get("/numbers").param("size", "100000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.size").value(PaginationConfiguration.MAX_PAGE_SIZE))
                .andExpect(jsonPath("$.content.length()").value(PaginationConfiguration.MAX_PAGE_SIZE));
    }

    @Test
    void shouldUseTheEndpointsDefaultSizeWhenNoneIsAskedFor() throws Exception {
        mvc.perform(get("/numbers"))
                .andExpect(jsonPath("$.page.size").value(50));
    }

    /** Registers every Jackson module bean with the JSON converter, as Spring Boot does in the node. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @Import({PaginationConfiguration.class, NumbersController.class})
    static class Context implements WebMvcConfigurer {

        private final List<JacksonModule> modules;

        Context(List<JacksonModule> modules) {
            this.modules = modules;
        }

        @Override
        public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
            converters.withJsonConverter(new JacksonJsonHttpMessageConverter(
                    JsonMapper.builder().addModules(modules).build()));
        }
    }

    @RestController
    static class NumbersController {

        private static final List<Integer> NUMBERS = IntStream.range(0, 2000).boxed().toList();

        @GetMapping("/numbers")
        Page<Integer> numbers(@PageableDefault(size = 50) Pageable pageable) {
            int from = (int) Math.min(pageable.getOffset(), NUMBERS.size());
            int to = Math.min(from + pageable.getPageSize(), NUMBERS.size());
            return new PageImpl<>(NUMBERS.subList(from, to), pageable, NUMBERS.size());
        }
    }
}
