package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.cluster.ExamSaveCounts;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.notification.NotificationService;
import org.lectern.node.support.MutableClock;
import org.lectern.node.user.UserDirectory;

/** The live figures' saves: ten-second counts summed into the last ten minutes, the newest minute last. */
class ExamLiveServiceTest {

    private static final long EXAM = 3;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:05Z"));
    private final CountsOfOneExam counts = new CountsOfOneExam();
    private final StudentExamRepository studentExams = mock(StudentExamRepository.class);
    private final ExamLiveService live = new ExamLiveService(mock(ExamRepository.class),
            mock(ExamRegistrationRepository.class), mock(ExamAnnouncementRepository.class), studentExams, counts, mock(ExamAccess.class), mock(NotificationService.class),
            mock(UserDirectory.class), mock(LiveEvents.class), mock(ExamHandIn.class), mock(StudentExamRecords.class),
            clock);

    @BeforeEach
    void noStudentExams() {
        given(studentExams.countsOf(EXAM)).willReturn(new StudentExamCounts(0, 0, 0));
    }

    @Test
    void shouldCountTheCurrentSlotAndTheFiveBeforeItAsTheLastMinute() {
        save("2026-12-07T10:00:04Z");
        save("2026-12-07T09:59:10Z");
        save("2026-12-07T09:59:09Z"); // the slot from 09:59:00, six slots back: the minute before

        ExamFigures figures = live.figuresOf(EXAM);

        assertThat(figures.savesLastMinute()).isEqualTo(2);
        assertThat(figures.savesPerMinute().get(9)).isEqualTo(
                new ExamFigures.MinuteSaves(Instant.parse("2026-12-07T09:59:10Z"), 2));
        assertThat(figures.savesPerMinute().get(8)).isEqualTo(
                new ExamFigures.MinuteSaves(Instant.parse("2026-12-07T09:58:10Z"), 1));
    }

    @Test
    void shouldShowTenMinutesOldestFirstAndNothingOlder() {
        save("2026-12-07T09:50:10Z");
        save("2026-12-07T09:50:09Z");

        List<ExamFigures.MinuteSaves> series = live.figuresOf(EXAM).savesPerMinute();

        assertThat(series).hasSize(10);
        assertThat(series.get(0)).isEqualTo(new ExamFigures.MinuteSaves(Instant.parse("2026-12-07T09:50:10Z"), 1));
        assertThat(series.stream().mapToLong(ExamFigures.MinuteSaves::saves).sum()).isEqualTo(1);
    }

    @Test
    void shouldNotCountAReplay() {
        live.counted(EXAM, new SaveResult(1, 1, clock.instant(), false));
        live.counted(EXAM, new SaveResult(1, 1, clock.instant(), true));

        assertThat(live.figuresOf(EXAM).savesLastMinute()).isEqualTo(1);
    }

    private void save(String at) {
        counts.count(EXAM, Instant.parse(at));
    }

    /** The counts of one node, for a test of the figures alone (the cluster's are tested on a member). */
    private static final class CountsOfOneExam implements ExamSaveCounts {

        private final Map<Long, Long> perSlot = new HashMap<>();

        @Override
        public void count(long examId, Instant savedAt) {
            perSlot.merge(ExamSaveCounts.slotOf(savedAt), 1L, Long::sum);
        }

        @Override
        public long[] perSlot(long examId, long firstSlot, int slots) {
            long[] found = new long[slots];
            for (int i = 0; i < slots; i++) {
                found[i] = perSlot.getOrDefault(firstSlot + i, 0L);
            }
            return found;
        }
    }
}
