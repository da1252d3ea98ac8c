package org.lectern.node.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemberCsvTest {

    @Nested
    class Quoting {

        @Test
        void shouldReadQuotedFieldsWithSeparatorsAndQuotesWhenQuoted() {
            List<MemberCsv.Row> rows = MemberCsv.parse("login,name,role\na, \"Doe, \"\"Jay\"\" Jane\" ,STUDENT\n");

            assertThat(rows).extracting(MemberCsv.Row::name).containsExactly("Doe, \"Jay\" Jane");
        }

        @Test
        void shouldKeepLineBreaksAndCountLinesWhenAQuotedFieldSpansLines() {
            List<MemberCsv.Row> rows = MemberCsv.parse("login,name,role\nann,\"Ann\nSmith\",STUDENT\nbob,Bob,TUTOR\n");

            assertThat(rows).extracting(MemberCsv.Row::line, MemberCsv.Row::name)
                    .containsExactly(tuple(2, "Ann\nSmith"), tuple(4, "Bob"));
        }

        @Test
        void shouldReadWindowsLineEndingsWhenTheFileComesFromASpreadsheet() {
            List<MemberCsv.Row> rows = MemberCsv.parse("login,name,role,password\r\nann,Ann,STUDENT,pw\r\n"
                    + "bob,\"Bob\r\nBrown\",TUTOR,\r\n");

            assertThat(rows).extracting(MemberCsv.Row::line, MemberCsv.Row::login, MemberCsv.Row::name,
                            MemberCsv.Row::password)
                    .containsExactly(tuple(2, "ann", "Ann", "pw"), tuple(3, "bob", "Bob\r\nBrown", null));
        }
    }

    @Test
    void shouldAcceptAByteOrderMarkBlankLinesAndRolesInAnyCase() {
        List<MemberCsv.Row> rows = MemberCsv.parse("\uFEFFLogin,Name,Role\n\n  \nann,Ann,tutor\n");

        assertThat(rows).containsExactly(new MemberCsv.Row(4, "ann", "Ann", CourseRole.TUTOR, null));
    }

    @Test
    void shouldTakeAnEmptyPasswordAsNone() {
        assertThat(MemberCsv.parse("login,name,role,password\nann,Ann,STUDENT,\nbob,Bob,STUDENT,pw\n"))
                .extracting(MemberCsv.Row::password).containsExactly(null, "pw");
    }

    @Nested
    class Errors {

        @Test
        void shouldReportEveryBadLineWithItsLineAndColumnWhenSeveralAreBad() {
            assertThatThrownBy(() -> MemberCsv.parse("login,name,role\nann,Ann,STUDENT\nANN,Ann,STUDENT\nbob,Bob\n"
                    + "c d,C,STUDENT\nd,D,PROF\n\"open,x,STUDENT\n"))
                    .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                            .extracting(MemberCsv.LineError::line, MemberCsv.LineError::column)
                            .containsExactly(tuple(3, 1), tuple(4, null), tuple(5, 1), tuple(6, 3), tuple(7, null)));
        }

        @Test
        void shouldNameLineAndColumnInTheMessageWhenAFieldIsBad() {
            assertThatThrownBy(() -> MemberCsv.parse("login,name,role\n\"x\ny\",X,STUDENT\nok,OK,PROF\n"))
                    .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                            .extracting(MemberCsv.LineError::where)
                            .containsExactly("line 2, column 1", "line 4, column 3"));
        }

        @Test
        void shouldNameTheLineWhereTheRecordStartsWhenTextFollowsAClosingQuote() {
            assertThatThrownBy(() -> MemberCsv.parse("login,name,role\nann,Ann,STUDENT\nbob,\"Bob\"by,STUDENT\n"))
                    .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                            .extracting(MemberCsv.LineError::line).containsExactly(3));
        }

        @Test
        void shouldRefuseAWrongHeaderOrAnEmptyFile() {
            assertThatThrownBy(() -> MemberCsv.parse("user,name,role\nann,Ann,STUDENT\n"))
                    .isInstanceOfSatisfying(CsvRejectedException.class,
                            e -> assertThat(e.errors().get(0).line()).isEqualTo(1));
            assertThatThrownBy(() -> MemberCsv.parse("\uFEFF  \r\n")).isInstanceOf(CsvRejectedException.class);
        }
    }
}
