package org.lectern.node.exam;

import jakarta.validation.Valid;
import org.lectern.node.user.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A participant's own exam: a registered student's, or with {@code ?testRun=true} an instructor's test run. The
 * rules of time and state are in {@link StudentExamService}.
 */
@RestController
@RequestMapping("/api/exams/{examId}")
class StudentExamController {

    private final StudentExamService studentExams;
    private final ExamSaves saves;
    private final ExamFileUploads fileUploads;

    StudentExamController(StudentExamService studentExams, ExamSaves saves, ExamFileUploads fileUploads) {
        this.studentExams = studentExams;
        this.saves = saves;
        this.fileUploads = fileUploads;
    }

    @GetMapping("/student-exam")
    StudentExamView own(@PathVariable long examId, @RequestParam(defaultValue = "false") boolean testRun,
            CurrentUser user) {
        return studentExams.own(examId, user, testRun);
    }

    @PostMapping("/student-exam/start")
    StudentExamView start(@PathVariable long examId, @RequestParam(defaultValue = "false") boolean testRun,
            CurrentUser user) {
        return studentExams.start(examId, user, testRun);
    }

    @PutMapping("/exercises/{exerciseId}/submission")
    SaveResult save(@PathVariable long examId, @PathVariable long exerciseId,
            @RequestParam(defaultValue = "false") boolean testRun,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody ExamAnswer answer, CurrentUser user) {
        return saves.save(examId, exerciseId, user, testRun, answer, idempotencyKey);
    }

    @PostMapping(path = "/exercises/{exerciseId}/submission/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SaveResult upload(@PathVariable long examId, @PathVariable long exerciseId,
            @RequestParam(defaultValue = "false") boolean testRun,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestPart("file") MultipartFile file, CurrentUser user) {
        return fileUploads.upload(examId, exerciseId, user, testRun, file.getOriginalFilename(), file.getSize(), file,
                idempotencyKey);
    }

    @PostMapping("/student-exam/hand-in")
    StudentExamView handIn(@PathVariable long examId, @RequestParam(defaultValue = "false") boolean testRun,
            CurrentUser user) {
        return studentExams.handIn(examId, user, testRun);
    }
}
