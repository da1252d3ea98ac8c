package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lectern.node.web.InvalidRequestException;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"0b9e4c1e-5f0a-4c57-a7a5-2f0c7e1f4a11", "a", "save_17-B"})
    void shouldAcceptTheKeyWhenItIsAUuidOrAShortToken(String key) {
        assertThat(IdempotencyKey.require(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "semi;colon", "ünïcode", " padded"})
    void shouldRefuseWith400WhenTheKeyIsMissingOrMalformed(String key) {
        assertThatThrownBy(() -> IdempotencyKey.require(key))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    void shouldRefuseTheKeyWhenItIsLongerThan64Characters() {
        assertThat(IdempotencyKey.require("k".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> IdempotencyKey.require("k".repeat(65))).isInstanceOf(InvalidRequestException.class);
    }
}
