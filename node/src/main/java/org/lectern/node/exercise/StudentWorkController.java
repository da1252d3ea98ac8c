package org.lectern.node.exercise;

import java.nio.charset.StandardCharsets;
import org.lectern.node.exercise.StudentWork.Download;
import org.lectern.node.exercise.StudentWork.ParticipationView;
import org.lectern.node.exercise.StudentWork.SaveResult;
import org.lectern.node.user.CurrentUser;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/** A student's work on a course exercise: participation, saves, file uploads, and downloads of uploaded files. */
@RestController
class StudentWorkController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final StudentWorkService work;
    private final StorageProperties storage;

    StudentWorkController(StudentWorkService work, StorageProperties storage) {
        this.work = work;
        this.storage = storage;
    }

    @PostMapping("/api/exercises/{exerciseId}/participation")
    ParticipationView start(@PathVariable long exerciseId, CurrentUser user) {
        return work.start(exerciseId, user);
    }

    @GetMapping("/api/exercises/{exerciseId}/participation")
    ParticipationView own(@PathVariable long exerciseId, CurrentUser user) {
        return work.own(exerciseId, user);
    }

    @PutMapping("/api/exercises/{exerciseId}/submission")
    SaveResult save(@PathVariable long exerciseId, @RequestBody SaveRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, CurrentUser user) {
        return work.save(exerciseId, user, request.text(), request.model(), idempotencyKey);
    }

    @PostMapping(path = "/api/exercises/{exerciseId}/submission/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SaveResult upload(@PathVariable long exerciseId, @RequestPart("file") MultipartFile file,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, CurrentUser user) {
        return work.upload(exerciseId, user, file.getOriginalFilename(), file.getSize(), file, idempotencyKey);
    }

    /** Always an attachment of an opaque type, so a browser never renders an uploaded file as a page. */
    @GetMapping("/api/submissions/{submissionId}/file")
    ResponseEntity<Resource> download(@PathVariable long submissionId, CurrentUser user) {
        Download download = work.download(submissionId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(download.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.name(), StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(download.path()));
    }

    /** The servlet container refused the upload while reading it (multipart is resolved lazily, so it lands here). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than the "
                + storage.maxFileSize().toBytes() + " bytes this server accepts. Nothing was saved.");
    }

    /** {@code text} for a text exercise, {@code model} (any JSON object) for a modeling exercise. */
    record SaveRequest(String text, JsonNode model) {
    }
}
