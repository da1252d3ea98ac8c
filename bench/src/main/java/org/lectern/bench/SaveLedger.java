package org.lectern.bench;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every save a run sent, keyed by its idempotency key, and the node's acknowledgement of it (the 200 answer with
 * the submission it created). The set check compares this with what the database holds. Contents are not kept:
 * they follow from the key ({@link #content}), so ten thousand students' saves fit in a few megabytes.
 */
public final class SaveLedger {

    /** Exam answer or quiz answer: they are read back differently. */
    public enum Target { EXAM, QUIZ }

    /** One save as sent. */
    public record Save(String key, int student, long exerciseId, int number, Target target) {
    }

    /** The node's answer to it. */
    public record Ack(long submissionId, int version, boolean replayed) {
    }

    private final String prefix;
    private final Map<String, Save> sent = new ConcurrentHashMap<>();
    private final Map<String, Ack> acked = new ConcurrentHashMap<>();

    public SaveLedger(String prefix) {
        this.prefix = prefix;
    }

    /** What every key of this run starts with, so that the check finds this run's rows only. */
    public String prefix() {
        return prefix;
    }

    public Save exam(int student, long exerciseId, int number) {
        Save save = new Save(prefix + "-" + student + "-" + number, student, exerciseId, number, Target.EXAM);
        sent.put(save.key(), save);
        return save;
    }

    public Save quiz(int student, long quizId) {
        Save save = new Save(prefix + "-" + student + "-q" + quizId, student, quizId, 0, Target.QUIZ);
        sent.put(save.key(), save);
        return save;
    }

    public void ack(String key, Ack ack) {
        acked.put(key, ack);
    }

    public boolean isOurs(String key) {
        return key != null && sent.containsKey(key);
    }

    public Save sent(String key) {
        return sent.get(key);
    }

    public Ack ackOf(String key) {
        return acked.get(key);
    }

    public Collection<Save> allSent() {
        return sent.values();
    }

    public int sentCount() {
        return sent.size();
    }

    public int ackedCount() {
        return acked.size();
    }

    /** The text an exam save carries: distinct per save, about 1 KB like a paragraph of a real answer. */
    public static String content(String login, int number) {
        StringBuilder text = new StringBuilder(1100).append(login).append(" save ").append(number).append(": ");
        while (text.length() < 1000) {
            text.append("The observer pattern decouples the subject from its observers. ");
        }
        return text.toString();
    }
}
