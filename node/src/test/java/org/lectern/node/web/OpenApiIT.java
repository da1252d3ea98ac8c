package org.lectern.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import tools.jackson.databind.JsonNode;

class OpenApiIT extends NodeIntegrationTest {

    @Test
    void shouldServeTheApiDescriptionWithoutLoginWhenAsked() {
        HttpResponse<String> response = client().get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode description = LecternClient.json(response);
        assertThat(description.get("info").get("title").asString()).isEqualTo("Lectern API");
        assertThat(description.get("paths").has("/api/auth/login")).isTrue();
        assertThat(description.get("paths").has("/api/auth/logout")).isTrue();
        JsonNode scheme = description.get("components").get("securitySchemes").get(OpenApiConfiguration.BEARER_SCHEME);
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void shouldServeTheApiDescriptionAsYamlWithoutLoginWhenAsked() {
        HttpResponse<String> response = client().get("/v3/api-docs.yaml", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("title: Lectern API").contains("/api/auth/login:");
    }
}
