package org.lectern.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ClusterSettingTest {

    @ParameterizedTest
    @EnumSource(ClusterSetting.class)
    void shouldAcceptItsOwnDefaultWhenValidated(ClusterSetting setting) {
        assertThat(setting.problemWith(setting.defaultValue())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "feature.file-uploads, false",
            "exam.autosave-interval-seconds, 5",
            "exam.autosave-interval-seconds, 3600",
            "rate-limit.saves-per-minute, 1",
            "announcement.banner, Maintenance at 18:00"})
    void shouldAcceptValuesInRangeWhenValidated(String key, String value) {
        assertThat(ClusterSetting.byKey(key).orElseThrow().problemWith(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "feature.file-uploads, yes",
            "exam.autosave-interval-seconds, 4",
            "exam.autosave-interval-seconds, soon",
            "rate-limit.saves-per-minute, 0",
            "rate-limit.saves-per-minute, 10001"})
    void shouldNameTheProblemWhenAValueIsOutOfRange(String key, String value) {
        assertThat(ClusterSetting.byKey(key).orElseThrow().problemWith(value))
                .hasValueSatisfying(problem -> assertThat(problem).contains(key));
    }

    @Test
    void shouldRefuseABannerThatIsTooLongOrHasSeveralLines() {
        char[] tooLong = new char[ClusterSetting.MAX_BANNER_LENGTH + 1];
        Arrays.fill(tooLong, 'x');

        assertThat(ClusterSetting.ANNOUNCEMENT_BANNER.problemWith(new String(tooLong))).isPresent();
        assertThat(ClusterSetting.ANNOUNCEMENT_BANNER.problemWith("one\ntwo")).isPresent();
        assertThat(ClusterSetting.ANNOUNCEMENT_BANNER.problemWith(null)).isPresent();
    }

    @Test
    void shouldFindNoSettingWhenTheKeyIsUnknown() {
        assertThat(ClusterSetting.byKey("feature.teleport")).isEmpty();
    }
}
