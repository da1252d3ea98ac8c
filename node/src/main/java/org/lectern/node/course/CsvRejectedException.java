package org.lectern.node.course;

import java.util.List;

/** A member list with bad lines: nothing of it was enrolled. Answered with 400 and every bad line. */
class CsvRejectedException extends RuntimeException {

    private final List<MemberCsv.LineError> errors;

    CsvRejectedException(List<MemberCsv.LineError> errors) {
        super("The file has " + errors.size() + " bad line(s); nothing was changed.");
        this.errors = List.copyOf(errors);
    }

    List<MemberCsv.LineError> errors() {
        return errors;
    }
}
