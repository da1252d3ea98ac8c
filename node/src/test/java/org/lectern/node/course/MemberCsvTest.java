package org.lectern.node.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberCsvTest {

    @Test
    void shouldReadQuotedFieldsWithCommasAndQuotes() {
        assertThat(MemberCsv.fields("a, \"Doe, \"\"Jay\"\" Jane\" ,STUDENT"))
                .containsExactly("a", "Doe, \"Jay\" Jane", "STUDENT");
    }

    @Test
    void shouldAcceptAByteOrderMarkBlankLinesAndRolesInAnyCase() {
        List<MemberCsv.Row> rows = MemberCsv.parse("\uFEFFLogin,Name,Role\n\nann,Ann,tutor\n");

        assertThat(rows).containsExactly(new MemberCsv.Row(3, "ann", "Ann", CourseRole.TUTOR, null));
    }

    @Test
    void shouldTakeAnEmptyPasswordAsNone() {
        assertThat(MemberCsv.parse("login,name,role,password\nann,Ann,STUDENT,\nbob,Bob,STUDENT,pw\n"))
                .extracting(MemberCsv.Row::password).containsExactly(null, "pw");
    }

    @Test
    void shouldReportEveryBadLineWithItsNumber() {
        assertThatThrownBy(() -> MemberCsv.parse("login,name,role\nann,Ann,STUDENT\nANN,Ann,STUDENT\nbob,Bob\n"
                + "c d,C,STUDENT\n\"open,x,STUDENT\n"))
                .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                        .extracting(MemberCsv.LineError::line).containsExactly(3, 4, 5, 6));
    }

    @Test
    void shouldRefuseAWrongHeaderOrAnEmptyFile() {
        assertThatThrownBy(() -> MemberCsv.parse("user,name,role\nann,Ann,STUDENT\n"))
                .isInstanceOfSatisfying(CsvRejectedException.class,
                        e -> assertThat(e.errors().get(0).line()).isEqualTo(1));
        assertThatThrownBy(() -> MemberCsv.parse("  \n")).isInstanceOf(CsvRejectedException.class);
    }
}
