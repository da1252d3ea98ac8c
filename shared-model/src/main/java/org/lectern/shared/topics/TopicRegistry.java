package org.lectern.shared.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every STOMP destination a client may SUBSCRIBE or SEND to, each next to its access rule and payload (thesis
 * table 4.1). A destination that matches none of these is refused, so a new feature's destination exists only
 * once it is declared here.
 */
public final class TopicRegistry {

    // Personal destinations: subscribed as /user/queue/..., delivered to the connected user only.
    public static final TopicDeclaration NOTIFICATIONS =
            personal(Destinations.PERSONAL_NOTIFICATIONS, "Notification");
    public static final TopicDeclaration RESULTS = personal("/queue/results", "QuizResult|AssessmentResult");
    /** Acknowledgements of saved submissions. */
    public static final TopicDeclaration SUBMISSIONS = personal("/queue/submissions", "SubmissionAck");
    public static final TopicDeclaration CONTROL = personal("/queue/control", "ControlMessage");
    /** Answers to {@link #REPLAY_REQUEST}: the missed messages of one destination, in order. */
    public static final TopicDeclaration REPLAY = personal("/queue/replay", "ReplayBatch");
    /** Details of errors in what the user sent, with the status codes the REST API uses. */
    public static final TopicDeclaration ERRORS = personal("/queue/errors", "StompError");

    /** System notifications and feature toggles, for everyone logged in. */
    public static final TopicDeclaration SYSTEM = topic("/topic/system", AccessRule.AUTHENTICATED, "SystemMessage");
    /** The cluster-wide settings browsers follow (feature toggles, autosave interval, banner), whenever they change. */
    public static final TopicDeclaration SETTINGS =
            topic(Destinations.SETTINGS, AccessRule.AUTHENTICATED, "SettingsView");
    /** Student notifications of a course; quiz started/ended of its live quizzes. */
    public static final TopicDeclaration COURSE_STUDENTS =
            topic("/topic/courses/{courseId}/students", AccessRule.COURSE_STUDENT, "QuizStarted|QuizEnded");
    /** Notifications for the tutors of a course. */
    public static final TopicDeclaration COURSE_TUTORS =
            topic("/topic/courses/{courseId}/tutors", AccessRule.COURSE_TUTOR, "CourseMessage");
    public static final TopicDeclaration COURSE_INSTRUCTORS =
            topic("/topic/courses/{courseId}/instructors", AccessRule.COURSE_INSTRUCTOR, "CourseMessage");
    /** Announcements (new, corrected, retracted) and exam-wide working-time changes, for the exam's students. */
    public static final TopicDeclaration EXAM_STUDENTS =
            topic("/topic/exams/{examId}/students", AccessRule.EXAM_STUDENT,
                    "ExamAnnouncement|ExamAnnouncementChanged|ExamAnnouncementRetracted|ExamWorkingTimeChanged");
    /** Live figures of a running exam, for its course's staff. */
    public static final TopicDeclaration EXAM_STAFF =
            topic("/topic/exams/{examId}/staff", AccessRule.EXAM_STAFF, "ExamFigures");
    public static final TopicDeclaration QUIZ_STATISTICS =
            topic("/topic/quizzes/{exerciseId}/statistics", AccessRule.EXERCISE_STAFF, "QuizStatistics");
    /** Every submission of an exercise, for staff: one subscription per exercise, not per student. */
    public static final TopicDeclaration EXERCISE_SUBMISSIONS =
            topic("/topic/exercises/{exerciseId}/submissions", AccessRule.EXERCISE_STAFF, "SubmissionSaved");
    public static final TopicDeclaration EXERCISE_RESULTS =
            topic("/topic/exercises/{exerciseId}/results", AccessRule.EXERCISE_STAFF, "AssessmentResult");
    /** Presence and live edits within a team. */
    public static final TopicDeclaration TEAM =
            topic("/topic/teams/{teamId}", AccessRule.TEAM_MEMBER, "TeamPresence|TeamEdit");

    // Application destinations: a client SENDs here and a node handles it; never relayed to the broker as is.
    /** Asks for what was missed on one destination; answered on {@link #REPLAY}. */
    public static final TopicDeclaration REPLAY_REQUEST =
            new TopicDeclaration("/app/replay", DestinationKind.APPLICATION, AccessRule.AUTHENTICATED, "ReplayRequest");
    public static final TopicDeclaration TEAM_PRESENCE = new TopicDeclaration("/app/teams/{teamId}/presence",
            DestinationKind.APPLICATION, AccessRule.TEAM_MEMBER, "TeamPresence");

    private static final List<TopicDeclaration> ALL = List.of(NOTIFICATIONS, RESULTS, SUBMISSIONS, CONTROL, REPLAY,
            ERRORS, SYSTEM, SETTINGS, COURSE_STUDENTS, COURSE_TUTORS, COURSE_INSTRUCTORS, EXAM_STUDENTS, EXAM_STAFF,
            QUIZ_STATISTICS, EXERCISE_SUBMISSIONS, EXERCISE_RESULTS, TEAM, REPLAY_REQUEST, TEAM_PRESENCE);

    /** Longer than any id (Long.MAX_VALUE has 19 digits); caps the work a hostile destination causes. */
    private static final int MAX_DESTINATION_LENGTH = 256;

    private TopicRegistry() {
    }

    /** Every declaration, personal ones first, then topics, then application destinations. */
    public static List<TopicDeclaration> all() {
        return ALL;
    }

    /**
     * The declaration a concrete destination, as a client writes it (personal ones with {@code /user}), is an
     * instance of, with its ids. Only canonical destinations match: every literal segment exactly, every id a
     * positive decimal number without sign or leading zero that fits a {@code long}; no empty, {@code .} or
     * {@code ..} segments, no extra or missing ones, and therefore no broker wildcards.
     */
    public static Optional<TopicMatch> match(String destination) {
        if (destination == null || destination.length() > MAX_DESTINATION_LENGTH || !destination.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = destination.substring(1).split("/", -1);
        for (TopicDeclaration declaration : ALL) {
            Map<String, Long> ids = matchSegments(declaration.clientPattern().substring(1).split("/"), segments);
            if (ids != null) {
                return Optional.of(new TopicMatch(declaration, ids));
            }
        }
        return Optional.empty();
    }

    /** True if the destination uses a broker wildcard (Artemis {@code *}, {@code #}; ActiveMQ-style {@code >}). */
    public static boolean hasWildcard(String destination) {
        return destination != null
                && (destination.indexOf('*') >= 0 || destination.indexOf('#') >= 0 || destination.indexOf('>') >= 0);
    }

    private static Map<String, Long> matchSegments(String[] pattern, String[] actual) {
        if (pattern.length != actual.length) {
            return null;
        }
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (TopicDeclaration.isPlaceholder(pattern[i])) {
                Long id = parseId(actual[i]);
                if (id == null) {
                    return null;
                }
                ids.put(pattern[i].substring(1, pattern[i].length() - 1), id);
            } else if (!pattern[i].equals(actual[i])) {
                return null;
            }
        }
        return ids;
    }

    /** A positive id in canonical decimal form, or null; ASCII digits only (Long.parseLong takes other scripts). */
    private static Long parseId(String segment) {
        if (segment.isEmpty() || segment.length() > 19 || segment.charAt(0) == '0') {
            return null;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    private static TopicDeclaration personal(String queue, String payloadType) {
        return new TopicDeclaration(queue, DestinationKind.PERSONAL, AccessRule.OWN_USER, payloadType);
    }

    private static TopicDeclaration topic(String pattern, AccessRule rule, String payloadType) {
        return new TopicDeclaration(pattern, DestinationKind.TOPIC, rule, payloadType);
    }
}
