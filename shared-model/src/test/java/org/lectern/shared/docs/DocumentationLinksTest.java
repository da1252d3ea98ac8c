package org.lectern.shared.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/*.md, and every {@code docs/….md} a source comment names, points at a
 * file that exists. Anchors are not checked. Lives here because shared-model is built first and every module's
 * sources sit beside it.
 */
class DocumentationLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}, target up to a space (a title may follow). */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    /** {@code [label]: target} on a line of its own. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s*\\[[^\\]]+]:\\s+<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern DOCS_IN_SOURCE = Pattern.compile("docs/[A-Za-z0-9._/-]+\\.md");

    private final Path root = projectRoot();

    @Test
    void shouldFindEveryRelativeMarkdownLinkTargetWhenReadingTheDocs() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }

        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            boolean inCodeBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    inCodeBlock = !inCodeBlock;
                    continue;
                }
                if (inCodeBlock) {
                    continue;
                }
                for (String target : targets(INLINE_CODE.matcher(line).replaceAll(""))) {
                    if (!isRelative(target)) {
                        continue;
                    }
                    checked++;
                    if (!Files.exists(page.getParent().resolve(withoutAnchor(target)))) {
                        broken.add(root.relativize(page) + ":" + (i + 1) + " -> " + target);
                    }
                }
            }
        }

        assertThat(checked).as("relative links found").isGreaterThan(10);
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void shouldReadInlineAndReferenceLinksWhenALineHasThem() {
        assertThat(targets("see [ops](operations.md#drain \"Drain\") and ![x](screens/a.png)"))
                .containsExactly("operations.md#drain", "screens/a.png");
        assertThat(targets("[decisions]: decisions.md")).containsExactly("decisions.md");
        assertThat(isRelative("https://example.org/x.md")).isFalse();
        assertThat(isRelative("../README.md")).isTrue();
    }

    @Test
    void shouldFindEveryDocsPageWhenASourceCommentNamesOne() throws IOException {
        List<String> broken = new ArrayList<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path source : files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !root.relativize(path).toString().contains("target")).toList()) {
                Matcher matcher = DOCS_IN_SOURCE.matcher(Files.readString(source));
                while (matcher.find()) {
                    named++;
                    if (!Files.exists(root.resolve(matcher.group()))) {
                        broken.add(root.relativize(source) + " -> " + matcher.group());
                    }
                }
            }
        }

        assertThat(named).isPositive();
        assertThat(broken).as("docs pages named in sources that do not exist").isEmpty();
    }

    static List<String> targets(String line) {
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(line);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher reference = REFERENCE_LINK.matcher(line);
        if (reference.matches()) {
            targets.add(reference.group(1));
        }
        return targets;
    }

    static boolean isRelative(String target) {
        return !target.startsWith("#") && !target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    private static String withoutAnchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !(Files.isDirectory(directory.resolve("docs"))
                && Files.isRegularFile(directory.resolve("README.md")))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new UncheckedIOException(
                    new IOException("No README.md and docs/ above " + Path.of("").toAbsolutePath()));
        }
        return directory;
    }
}
