package org.gitlabaccess.core.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential: the same edit made by {@link GitConfigFileEditor} and by the real {@code git config
 * --file}, on tricky files. Git is the judge of what the file means ({@code --list} must agree), and
 * of which lines an edit may touch: the product may change no original line that git did not also
 * change, and add no more lines than git added.
 */
class GitConfigFileEditorTest {
    @TempDir
    Path dir;

    private static final String CRLF = "[core]\r\n\tbare = false\r\n[remote \"origin\"]\r\n"
            + "\turl = https://gitlab.example.com/a/b.git\r\n\tfetch = +refs/heads/*:refs/remotes/origin/*\r\n";
    private static final String ALIGNED = "[remote \"origin\"]\n    url     = https://h/a.git   \n"
            + "\tfetch   =  +refs/heads/*:refs/remotes/origin/*\n[user]\n\tname  = \"A  B\"  \n";
    private static final String QUOTED = "[alias]\n\tlg = \"log --graph # not a comment ; really\"\n"
            + "[remote \"origin\"]\n\turl = \"https://h/a.git\" # where we push\n";
    private static final String ESCAPES = "[x]\n\tq = a\\\"b\\\\c\\td\n[remote \"o\"]\n"
            + "\turl = https://h/a.git ; trailing comment\n";
    private static final String CONTINUATION = "[alias]\n\tlong = !echo \\\n  one \\\n  two\n"
            + "[remote \"origin\"]\n\turl = https://h/\\\nc.git\n\tfetch = x\n";
    private static final String DUPLICATE_SECTIONS = "[remote \"origin\"]\n\turl = https://h/a.git\n[core]\n\tx = 1\n"
            + "[remote \"origin\"]\n\tpushurl = https://h/a.git\n";
    private static final String INSTEADOF = "[url \"git@h:\"]\n\tinsteadOf = https://h/\n\tinsteadOf = git://h/\n"
            + "[user]\n\tname = A\n";
    private static final String INCLUDE = "[include]\n\tpath = ~/.gitconfig.local\n[user]\n\temail = a@b\n"
            + "[includeIf \"gitdir:~/work/\"]\n\tpath = ~/.gitconfig.work\n";
    private static final String SUBSECTION_CASE = "[Remote \"Origin\"]\n\turl = https://h/upper.git\n"
            + "[remote \"origin\"]\n\turl = https://h/lower.git\n[remote.legacy]\n\tURL = https://h/legacy.git\n";
    private static final String EMPTY_VALUES = "[credential]\n\thelper =\n\thelper = store\n[core]\n\tbool\n";
    private static final String NO_FINAL_NEWLINE = "[user]\n\tname = A\n[remote \"origin\"]\n\turl = https://h/a.git";
    private static final String UTF8 = "# Überschrift\n[user]\n\tname = Jürgen Müller\n[remote \"ürsprung\"]\n"
            + "\turl = https://h/ä.git\n";
    private static final String KEY_ON_HEADER_LINE = "[user]\n\tname = A\n[remote \"origin\"] url = https://h/a.git\n";
    private static final String COMMENTS = "# top\n[a]\n\tk = 1\n# about b\n[b]\n\tk = 2\n[c] ; note\n\tk = 3\n"
            + "[d]\n\tk = 4\n\n\n[e]\n\tk = 5\n";
    private static final String SPACES = "[s]\n\tk = plain\t \n\tk = \" lead\"\n";
    private static final String BOM = "\ufeff[remote \"origin\"]\n\turl = https://h/a.git\n";

    /** One edit: {@code op} is replace, add or unset; {@code from}/{@code to} as the op needs. */
    record Edit(String op, String key, String from, String to) {
        @Override
        public String toString() {
            return op + " " + key;
        }
    }

    static Stream<Arguments> cases() {
        String ssh = "git@gitlab.example.com:a/b.git";
        return Stream.of(
                row("crlf replace", CRLF, new Edit("replace", "remote.origin.url", "https://gitlab.example.com/a/b.git", ssh)),
                row("crlf add", CRLF, new Edit("add", "url.git@h:.insteadOf", null, "https://h/")),
                row("crlf unset", CRLF, new Edit("unset", "remote.origin.url", "https://gitlab.example.com/a/b.git", null)),
                row("aligned replace", ALIGNED, new Edit("replace", "remote.origin.url", "https://h/a.git", ssh)),
                row("aligned add", ALIGNED, new Edit("add", "remote.origin.pushurl", null, ssh)),
                row("quoted replace", QUOTED, new Edit("replace", "remote.origin.url", "https://h/a.git", ssh)),
                row("quoted value needing quotes", QUOTED, new Edit("replace", "remote.origin.url", "https://h/a.git",
                        "ssh://h/a.git#frag;x")),
                row("escapes replace", ESCAPES, new Edit("replace", "x.q", "a\"b\\c\td", "back\\slash \"q\" tab\t")),
                row("escapes url with comment", ESCAPES, new Edit("replace", "remote.o.url", "https://h/a.git", ssh)),
                row("continuation replace", CONTINUATION, new Edit("replace", "remote.origin.url", "https://h/c.git", ssh)),
                row("continuation unset", CONTINUATION, new Edit("unset", "alias.long", "!echo   one   two", null)),
                row("duplicate sections add", DUPLICATE_SECTIONS, new Edit("add", "remote.origin.url", null, ssh)),
                row("duplicate sections unset", DUPLICATE_SECTIONS,
                        new Edit("unset", "remote.origin.pushurl", "https://h/a.git", null)),
                row("insteadOf add", INSTEADOF, new Edit("add", "url.git@h:.insteadOf", null, "ssh://h/")),
                row("insteadOf unset one", INSTEADOF, new Edit("unset", "url.git@h:.insteadof", "git://h/", null)),
                row("insteadOf new section", INSTEADOF, new Edit("add", "url.git@other:.insteadOf", null, "https://other/")),
                row("include add", INCLUDE, new Edit("add", "url.git@h:.insteadOf", null, "https://h/")),
                row("subsection lower", SUBSECTION_CASE, new Edit("replace", "remote.origin.url", "https://h/lower.git", ssh)),
                row("subsection upper", SUBSECTION_CASE, new Edit("replace", "remote.Origin.url", "https://h/upper.git", ssh)),
                row("subsection legacy", SUBSECTION_CASE, new Edit("replace", "remote.legacy.url", "https://h/legacy.git", ssh)),
                row("subsection add upper", SUBSECTION_CASE, new Edit("add", "remote.Origin.pushurl", null, ssh)),
                row("empty values add", EMPTY_VALUES, new Edit("add", "credential.helper", null, "cache --timeout 60")),
                row("empty values unset", EMPTY_VALUES, new Edit("unset", "credential.helper", "store", null)),
                row("empty values replace empty", EMPTY_VALUES, new Edit("replace", "credential.helper", "", "osxkeychain")),
                row("no final newline add", NO_FINAL_NEWLINE, new Edit("add", "remote.origin.pushurl", null, ssh)),
                row("no final newline replace", NO_FINAL_NEWLINE, new Edit("replace", "remote.origin.url", "https://h/a.git", ssh)),
                row("no final newline new section", NO_FINAL_NEWLINE, new Edit("add", "url.git@h:.insteadOf", null, "https://h/")),
                row("utf-8 replace", UTF8, new Edit("replace", "remote.ürsprung.url", "https://h/ä.git", "git@h:ö.git")),
                row("utf-8 new section", UTF8, new Edit("add", "url.git@hö:.insteadOf", null, "https://hö/")),
                row("key on header line", KEY_ON_HEADER_LINE, new Edit("replace", "remote.origin.url", "https://h/a.git", ssh)),
                row("comment before section keeps it", COMMENTS, new Edit("unset", "b.k", "2", null)),
                row("comment on header keeps it", COMMENTS, new Edit("unset", "c.k", "3", null)),
                row("empty section removed", COMMENTS, new Edit("unset", "d.k", "4", null)),
                row("last section removed", COMMENTS, new Edit("unset", "e.k", "5", null)),
                row("spaces and tabs", SPACES, new Edit("add", "s.k", null, " both ends ")),
                row("spaces replace", SPACES, new Edit("replace", "s.k", " lead", "tail ")),
                row("byte order mark", BOM, new Edit("replace", "remote.origin.url", "https://h/a.git", ssh)));
    }

    private static Arguments row(String name, String content, Edit edit) {
        return Arguments.of(name, content, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void editsAsGitDoesTouchingOnlyTheLinesGitTouches(String name, String content, Edit edit) throws Exception {
        assumeThat(Processes.available("git")).isTrue();
        byte[] original = content.getBytes(StandardCharsets.UTF_8);
        Path byGit = dir.resolve("git.config");
        Path byProduct = dir.resolve("product.config");
        Files.write(byGit, original);
        Files.write(byProduct, original);

        Processes.Result git = git(gitArgs(byGit, edit));
        assertThat(git.exitCode()).as("git: " + git.stderr()).isZero();
        GitConfigFileEditor editor = GitConfigFileEditor.parse(original);
        String[] key = splitKey(edit.key());
        switch (edit.op()) {
            case "replace" -> assertThat(editor.replace(key[0], key[1], key[2], edit.from(), edit.to())).isTrue();
            case "add" -> editor.add(key[0], key[1], key[2], edit.to());
            case "unset" -> assertThat(editor.remove(key[0], key[1], key[2], edit.from())).isPositive();
            default -> throw new IllegalArgumentException(edit.op());
        }
        Files.write(byProduct, editor.toBytes());

        assertThat(list(byProduct)).as("what git reads from the product's file").isEqualTo(list(byGit));
        List<String> before = lines(original);
        LineDiff mine = LineDiff.of(before, lines(editor.toBytes()));
        LineDiff theirs = LineDiff.of(before, lines(Files.readAllBytes(byGit)));
        assertThat(theirs.removed()).as("original lines the product changed must be lines git changed too")
                .containsAll(mine.removed());
        assertThat(mine.added()).as("lines added").isLessThanOrEqualTo(theirs.added());
        assertThat(editor.toBytes()).as("the edit was made").isNotEqualTo(original);
    }

    @Test
    void anUnchangedFileIsNotRewrittenAndALinkedFileKeepsModeAndLink() throws Exception {
        Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        Path real = dotfiles.resolve("gitconfig");
        Files.writeString(real, ALIGNED);
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve(".gitconfig"), Path.of("dotfiles/gitconfig"));
        var edit = new ConfigEdit(link, link, "url", "git@h:", "insteadOf", null, "https://h/", null, false);
        new ConfigEditor(new AtomicFile()).apply(link, List.of(edit));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("dotfiles/gitconfig"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
        assertThat(Files.readString(real)).isEqualTo(ALIGNED + "[url \"git@h:\"]\n\tinsteadOf = https://h/\n");
        long modified = Files.getLastModifiedTime(real).toMillis();
        new ConfigEditor(new AtomicFile()).apply(link, List.of(edit)); // already there: nothing to write
        assertThat(Files.getLastModifiedTime(real).toMillis()).isEqualTo(modified);
        assertThat(AtomicFile.lockFileOf(real)).doesNotExist();
    }

    @Test
    void addedLinesUseTheFilesLineEndingAndTheSectionsIndentation() throws Exception {
        String before = "[remote \"origin\"]\r\n    url = https://h/a.git\r\n[user]\r\n  name = A";
        GitConfigFileEditor editor = GitConfigFileEditor.parse(before.getBytes(StandardCharsets.UTF_8));

        editor.add("remote", "origin", "pushurl", "git@h:a.git");
        editor.add("user", null, "email", "a@h");
        editor.add("url", "git@h:", "insteadOf", "https://h/");

        assertThat(new String(editor.toBytes(), StandardCharsets.UTF_8)).isEqualTo("[remote \"origin\"]\r\n"
                + "    url = https://h/a.git\r\n    pushurl = git@h:a.git\r\n[user]\r\n  name = A\r\n  email = a@h\r\n"
                + "[url \"git@h:\"]\r\n\tinsteadOf = https://h/\r\n");
    }

    @Test
    void undoOfAnAddedRuleRestoresTheFileByteForByte() throws Exception {
        for (String content : List.of(CRLF, ALIGNED, NO_FINAL_NEWLINE, UTF8, INSTEADOF)) {
            GitConfigFileEditor editor = GitConfigFileEditor.parse(content.getBytes(StandardCharsets.UTF_8));
            editor.add("url", "git@gitlab.example.com:", "insteadOf", "https://gitlab.example.com/");
            editor.remove("url", "git@gitlab.example.com:", "insteadOf", "https://gitlab.example.com/");
            String expected = content.endsWith("\n") ? content : content + "\n";
            assertThat(new String(editor.toBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    /** Pieces git accepts, put together at random: the same checks as above on files nobody wrote by hand. */
    private static final String[] HEADERS = {"[remote \"origin\"]", "[Remote \"origin\"]", "[remote \"Origin\"]",
        "[url \"git@h:\"]", "[core]", "[remote.legacy]", "  [core] # c", "[x \"a\\\"b\"]"};
    private static final String[] ENTRIES = {"url = https://h/a.git", "url=https://h/b.git", "  url   =   \"https://h/c.git\"  ",
        "insteadOf = https://h/", "fetch = +refs/heads/*:refs/remotes/origin/*", "bare", "k = a\\\n  b", "k = \"x # y\" ; z",
        "k = tab\\there", "URL = https://h/d.git # note", "k =", "name = Jürgen"};
    private static final String[] OTHER = {"", "# comment", "\t; another", "   "};

    @Test
    void randomFilesAndEditsAgreeWithGit() throws Exception {
        assumeThat(Processes.available("git")).isTrue();
        Random random = new Random(2026);
        int compared = 0;
        for (int round = 0; round < 60; round++) {
            String nl = random.nextBoolean() ? "\n" : "\r\n";
            StringBuilder text = new StringBuilder();
            int lines = 3 + random.nextInt(12);
            for (int i = 0; i < lines; i++) {
                int kind = i == 0 ? 0 : random.nextInt(10);
                String line = kind == 0 || kind == 9 ? HEADERS[random.nextInt(HEADERS.length)]
                        : kind < 7 ? "\t" + ENTRIES[random.nextInt(ENTRIES.length)] : OTHER[random.nextInt(OTHER.length)];
                text.append(line).append(i == lines - 1 && random.nextInt(4) == 0 ? "" : nl);
            }
            byte[] original = text.toString().getBytes(StandardCharsets.UTF_8);
            Path file = dir.resolve("random" + round);
            Files.write(file, original);
            Processes.Result all = git(List.of("git", "config", "--file", file.toString(), "--list"));
            if (all.exitCode() != 0) {
                continue; // git refuses this combination (e.g. a continuation at the end); so would a user's git
            }
            List<String> keys = all.stdout().lines().map(l -> l.substring(0, l.indexOf('=') < 0 ? l.length() : l.indexOf('=')))
                    .distinct().toList();
            GitConfigFileEditor editor = GitConfigFileEditor.parse(original);
            for (String k : keys) {
                String[] key = splitKey(k);
                Processes.Result values = git(List.of("git", "config", "--file", file.toString(), "--get-all", k));
                List<String> expected = values.stdout().isEmpty() ? List.of() : List.of(values.stdout().split("\n", -1))
                        .subList(0, values.stdout().split("\n", -1).length - 1);
                if (expected.stream().noneMatch(v -> v.contains("\n"))) {
                    // git prints a bare key (no '=') as an empty line; the editor reads it as the boolean it is.
                    List<String> actual = editor.values(key[0], key[1], key[2]);
                    List<String> shown = IntStream.range(0, actual.size())
                            .mapToObj(i -> i < expected.size() && expected.get(i).isEmpty() && actual.get(i).equals("true")
                                    ? "" : actual.get(i)).toList();
                    assertThat(shown).as(k + " in round " + round).isEqualTo(expected);
                }
            }
            Edit edit = randomEdit(random, keys, editor);
            if (edit == null) {
                continue;
            }
            editsAsGitDoesTouchingOnlyTheLinesGitTouches("round " + round, new String(original, StandardCharsets.UTF_8),
                    edit);
            compared++;
        }
        assertThat(compared).as("rounds compared with git").isGreaterThan(30);
    }

    private static Edit randomEdit(Random random, List<String> keys, GitConfigFileEditor editor) {
        int op = random.nextInt(3);
        if (op == 1 || keys.isEmpty()) {
            String[] targets = {"remote.origin.url", "url.git@h:.insteadOf", "new.section.key", "core.k"};
            return new Edit("add", targets[random.nextInt(targets.length)], null,
                    random.nextBoolean() ? "git@h:x.git" : " spaced # value ");
        }
        String k = keys.get(random.nextInt(keys.size()));
        String[] key = splitKey(k);
        List<String> values = editor.values(key[0], key[1], key[2]);
        List<String> unique = values.stream().filter(v -> values.indexOf(v) == values.lastIndexOf(v) && !v.contains("\n")
                && !v.equals("true")).toList();
        if (unique.isEmpty()) {
            return null;
        }
        String from = unique.get(random.nextInt(unique.size()));
        return op == 0 ? new Edit("replace", k, from, "ssh://git@h/z.git") : new Edit("unset", k, from, null);
    }

    private static List<String> gitArgs(Path file, Edit edit) {
        List<String> args = new ArrayList<>(List.of("git", "config", "--file", file.toString()));
        switch (edit.op()) {
            case "replace" -> args.addAll(List.of("--fixed-value", "--replace-all", edit.key(), edit.to(), edit.from()));
            case "add" -> args.addAll(List.of("--add", edit.key(), edit.to()));
            case "unset" -> args.addAll(List.of("--fixed-value", "--unset-all", edit.key(), edit.from()));
            default -> throw new IllegalArgumentException(edit.op());
        }
        return args;
    }

    /** section, subsection (or null), name: git splits at the first and the last dot. */
    private static String[] splitKey(String key) {
        int first = key.indexOf('.');
        int last = key.lastIndexOf('.');
        return new String[] {key.substring(0, first), first == last ? null : key.substring(first + 1, last),
                key.substring(last + 1)};
    }

    private Processes.Result git(List<String> args) throws IOException {
        return Processes.run(dir, Map.of("HOME", dir.toString(), "GIT_CONFIG_NOSYSTEM", "1"), null, args);
    }

    private String list(Path file) throws IOException {
        Processes.Result r = git(List.of("git", "config", "--file", file.toString(), "--list"));
        assertThat(r.exitCode()).as("git reads " + file.getFileName() + ": " + r.stderr()).isZero();
        return r.stdout();
    }

    /** Lines with their terminators, so a lost CR counts as a changed line. */
    static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(pos, end));
            pos = end;
        }
        return out;
    }

    /** A longest-common-subsequence line diff: the original lines not kept, and how many new lines. */
    record LineDiff(Set<Integer> removed, int added) {
        static LineDiff of(List<String> a, List<String> b) {
            int[][] lcs = new int[a.size() + 1][b.size() + 1];
            for (int i = a.size() - 1; i >= 0; i--) {
                for (int j = b.size() - 1; j >= 0; j--) {
                    lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            Set<Integer> removed = new HashSet<>();
            int i = 0;
            int j = 0;
            int added = 0;
            while (i < a.size() || j < b.size()) {
                if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                    i++;
                    j++;
                } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    added++;
                    j++;
                } else {
                    removed.add(i);
                    i++;
                }
            }
            return new LineDiff(removed, added);
        }
    }
}
