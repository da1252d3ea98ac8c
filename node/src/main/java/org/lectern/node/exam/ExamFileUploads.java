package org.lectern.node.exam;

import org.lectern.node.exercise.FileSubmissions;
import org.lectern.node.exercise.FileSubmissions.WrittenFile;
import org.lectern.node.user.CurrentUser;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * A file handed in for an exam exercise, in three steps so that no database connection (nor the student exam's
 * lock) is held while the file streams to disk: check in one transaction, write the file, save it as a version
 * in a second transaction that checks the time rules again. A file whose save is refused is removed.
 */
@Service
class ExamFileUploads {

    private final StudentExamService studentExams;
    private final FileSubmissions files;

    ExamFileUploads(StudentExamService studentExams, FileSubmissions files) {
        this.studentExams = studentExams;
        this.files = files;
    }

    SaveResult upload(long examId, long exerciseId, CurrentUser user, boolean testRun, String originalName,
            long declaredSize, InputStreamSource content, String idempotencyKey) {
        StudentExamService.FileTarget target = studentExams.fileTarget(examId, exerciseId, user, testRun,
                originalName, declaredSize, idempotencyKey);
        WrittenFile file = files.write(target.exercise(), target.participationId(), originalName, content);
        try {
            return studentExams.saveFile(examId, user, testRun, target, file, idempotencyKey);
        } catch (RuntimeException e) {
            files.discard(file);
            throw e;
        }
    }
}
