package org.lectern.node.exercise;

/**
 * What a submission holds: text (a JSON document for quiz answers and models, plain text for text exercises), or
 * a stored file's location, name and size.
 */
public record SubmissionContent(String text, String filePath, String fileName, Long fileSizeBytes) {

    public static SubmissionContent ofText(String text) {
        return new SubmissionContent(text, null, null, null);
    }

    public static SubmissionContent ofFile(String filePath, String fileName, long fileSizeBytes) {
        return new SubmissionContent(null, filePath, fileName, fileSizeBytes);
    }
}
