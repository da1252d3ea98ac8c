package org.lectern.node.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;

/**
 * One page shape for every list of the API: {@code {"content": [...], "page": {"size", "number",
 * "totalElements", "totalPages"}}}, a stable DTO rather than Spring's serialised {@code PageImpl}; and no client
 * can ask for more than {@link #MAX_PAGE_SIZE} items at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringDataWebSupport(pageSerializationMode = EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO)
class PaginationConfiguration {

    static final int MAX_PAGE_SIZE = 500;

    @Bean
    PageableHandlerMethodArgumentResolverCustomizer maxPageSize() {
        return resolver -> resolver.setMaxPageSize(MAX_PAGE_SIZE);
    }
}
