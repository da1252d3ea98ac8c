package org.lectern.node.exercise;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.StudentWork.Download;
import org.lectern.node.exercise.StudentWork.FileView;
import org.lectern.node.exercise.StudentWork.ParticipationView;
import org.lectern.node.exercise.StudentWork.SaveResult;
import org.lectern.node.exercise.StudentWork.SubmissionView;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.InvalidRequestException;
import org.lectern.node.web.NotFoundException;
import org.lectern.shared.exercise.SubmissionSaved;
import org.lectern.shared.team.TeamEdit;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Students working on a course's text, modeling and file upload exercises: starting a participation, saving
 * versions until the due date, uploading files, and downloading them again.
 *
 * <p>The methods have no transaction of their own on purpose: each step runs in the transaction of the service it
 * calls (a participation is started in its own, race-safe one; a save is one atomic transaction), and a file is
 * streamed to disk without holding a database connection.
 */
@Service
class StudentWorkService {

    static final int MAX_TEXT_CHARS = 50_000;
    static final int MAX_MODEL_BYTES = 200 * 1024;

    /** Sorted properties, no whitespace: the same model is stored as the same string. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private final ExerciseCatalog catalog;
    private final ParticipationService participations;
    private final SubmissionService submissions;
    private final CourseAccess access;
    private final FileStorage files;
    private final FileSubmissions fileSubmissions;
    private final LiveEvents live;
    private final Clock clock;

    StudentWorkService(ExerciseCatalog catalog, ParticipationService participations, SubmissionService submissions,
            CourseAccess access, FileStorage files, FileSubmissions fileSubmissions, LiveEvents live, Clock clock) {
        this.live = live;
        this.catalog = catalog;
        this.participations = participations;
        this.submissions = submissions;
        this.access = access;
        this.files = files;
        this.fileSubmissions = fileSubmissions;
        this.clock = clock;
    }

    /** Starts the student's participation (their team's, in a team exercise), or returns the one they have. */
    ParticipationView start(long exerciseId, CurrentUser user) {
        Exercise exercise = workableExercise(exerciseId, user);
        return view(exercise, participations.participationFor(exercise, user.id(), false));
    }

    ParticipationView own(long exerciseId, CurrentUser user) {
        Exercise exercise = workableExercise(exerciseId, user);
        Participation participation = participations.existingParticipation(exercise, user.id(), false)
                .orElseThrow(() -> new NotFoundException("participation in exercise", exerciseId));
        return view(exercise, participation);
    }

    /**
     * Saves a new version of a text ({@code text}) or modeling ({@code model}) exercise. A request replayed with an
     * idempotency key already used is answered with the first save, even after the due date.
     */
    SaveResult save(long exerciseId, CurrentUser user, String text, JsonNode model, String idempotencyKey) {
        Exercise exercise = workableExercise(exerciseId, user);
        SubmissionContent content = switch (exercise.getType()) {
            case TEXT -> SubmissionContent.ofText(checkedText(text, model));
            case MODELING -> SubmissionContent.ofText(canonicalModel(text, model));
            default -> throw new InvalidRequestException("Exercise " + exerciseId + " takes a file: upload it to "
                    + "/api/exercises/" + exerciseId + "/submission/file.");
        };
        IdempotencyKey.require(idempotencyKey);
        Optional<SaveResult> replay = replayOf(exercise, user, idempotencyKey);
        if (replay.isPresent()) {
            return replay.get();
        }
        checkOpen(exercise);
        Participation participation = participations.participationFor(exercise, user.id(), false);
        SavedSubmission saved = submissions.save(participation.getId(), content, idempotencyKey, true, user.id());
        published(exercise, participation, user, saved, content.text());
        return SaveResult.of(saved);
    }

    /**
     * Stores an uploaded file and saves it as a new version. The file must have one of the exercise's extensions
     * and fit its size limit; it is checked before anything is written, and counted again while it is written.
     */
    SaveResult upload(long exerciseId, CurrentUser user, String originalName, long declaredSize,
            InputStreamSource content, String idempotencyKey) {
        Exercise exercise = workableExercise(exerciseId, user);
        fileSubmissions.check(exercise, originalName, declaredSize);
        IdempotencyKey.require(idempotencyKey);
        Optional<SaveResult> replay = replayOf(exercise, user, idempotencyKey);
        if (replay.isPresent()) {
            return replay.get();
        }
        checkOpen(exercise);
        Participation participation = participations.participationFor(exercise, user.id(), false);
        SavedSubmission saved = fileSubmissions.save(
                fileSubmissions.write(exercise, participation.getId(), originalName, content),
                participation.getId(), idempotencyKey, true, user.id());
        published(exercise, participation, user, saved, null);
        return SaveResult.of(saved);
    }

    /**
     * Tells the exercise's staff of a new version (the save has committed), and in a team exercise the team, with
     * the content, so teammates see it live; a replayed save is no news.
     */
    private void published(Exercise exercise, Participation participation, CurrentUser author, SavedSubmission saved,
            String content) {
        if (saved.replayed()) {
            return;
        }
        live.publishAfterCommit(TopicRegistry.EXERCISE_SUBMISSIONS.destination(exercise.getId()),
                new SubmissionSaved(exercise.getId(), saved.participationId(), saved.version(), saved.savedAt()));
        if (participation.getTeamId() != null) {
            live.publishAfterCommit(TopicRegistry.TEAM.destination(participation.getTeamId()),
                    new TeamEdit(participation.getTeamId(), exercise.getId(), author.login(), saved.version(),
                            saved.savedAt(), content));
        }
    }

    /** The file of a submission, for its owner (the student or their team) or the course's tutors and up. */
    Download download(long submissionId, CurrentUser user) {
        Submission submission = submissions.readable(submissionId, user, () -> access.isStaffSomewhere(user),
                participation -> access.roleOf(catalog.get(participation.getExerciseId()).getCourseId(), user)
                        .filter(role -> role != CourseRole.STUDENT
                                || participations.belongsTo(participation, user.id()))
                        .isPresent());
        SubmissionContent content = submission.getContent();
        if (content.filePath() == null) {
            throw new NotFoundException("file of submission", submissionId);
        }
        return new Download(files.locate(content.filePath()), content.fileName(), content.fileSizeBytes());
    }

    /** A released text, modeling or file upload exercise of a course the caller is a student of. */
    private Exercise workableExercise(long exerciseId, CurrentUser user) {
        Exercise exercise = catalog.get(exerciseId);
        access.requireStudent(exercise.getCourseId(), user);
        if (exercise.isExamExercise()) {
            throw new NotFoundException("exercise", exerciseId); // exam work goes through the student exam
        }
        if (exercise.getType() == ExerciseType.QUIZ) {
            throw new InvalidRequestException("Quiz answers are saved through the quiz endpoints.");
        }
        if (!exercise.isReleasedAt(clock.instant())) {
            throw new AccessDeniedException("Exercise " + exerciseId + " is not released yet");
        }
        return exercise;
    }

    private Optional<SaveResult> replayOf(Exercise exercise, CurrentUser user, String idempotencyKey) {
        return participations.existingParticipation(exercise, user.id(), false)
                .flatMap(participation -> submissions.replayOf(participation.getId(), idempotencyKey))
                .map(SaveResult::of);
    }

    private void checkOpen(Exercise exercise) {
        if (exercise.getDueDate() != null && !clock.instant().isBefore(exercise.getDueDate())) {
            throw new ConflictException("Exercise " + exercise.getId() + " was due at " + exercise.getDueDate()
                    + "; nothing was saved.");
        }
    }

    private static String checkedText(String text, JsonNode model) {
        if (text == null || isPresent(model)) {
            throw new InvalidRequestException("A text exercise takes {\"text\": \"...\"} and nothing else.");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new ContentTooLargeException("The text has " + text.length() + " characters; at most "
                    + MAX_TEXT_CHARS + " are allowed.");
        }
        return text;
    }

    private static String canonicalModel(String text, JsonNode model) {
        if (text != null || model == null || !model.isObject()) {
            throw new InvalidRequestException("A modeling exercise takes {\"model\": {...}}, a JSON object.");
        }
        String canonical = CANONICAL.writeValueAsString(model);
        if (canonical.getBytes(StandardCharsets.UTF_8).length > MAX_MODEL_BYTES) {
            throw new ContentTooLargeException("The model is larger than " + MAX_MODEL_BYTES / 1024 + " KB.");
        }
        return canonical;
    }

    private static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private ParticipationView view(Exercise exercise, Participation participation) {
        SubmissionView latest = submissions.latest(participation.getId())
                .map(submission -> submissionView(exercise, submission))
                .orElse(null);
        return new ParticipationView(participation.getId(), participation.getExerciseId(), participation.getTeamId(),
                participation.getInitializedAt(), latest);
    }

    private static SubmissionView submissionView(Exercise exercise, Submission submission) {
        SubmissionContent content = submission.getContent();
        String text = exercise.getType() == ExerciseType.TEXT ? content.text() : null;
        JsonNode model = exercise.getType() == ExerciseType.MODELING && content.text() != null
                ? CANONICAL.readTree(content.text()) : null;
        FileView file = content.filePath() == null ? null : new FileView(content.fileName(),
                content.fileSizeBytes(), "/api/submissions/" + submission.getId() + "/file");
        return new SubmissionView(submission.getId(), submission.getVersion(), submission.getSubmittedAt(), text,
                model, file);
    }
}
