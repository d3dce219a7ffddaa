package org.gitlabaccess.core.repos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Edits a git configuration file the way {@code git config --file} does, touching only the lines of
 * the values it changes: every other byte (CRLF, quoting, alignment, comments, trailing spaces, a
 * missing final newline) stays. It parses git's syntax (config.c) enough to find sections
 * ({@code [section "subsection"]}, the legacy {@code [section.subsection]}), entries with their
 * continuation lines, quotes, escapes and comments. Section and key names compare case-insensitively,
 * a quoted subsection case-sensitively, a legacy one lower-cased, as git does.
 *
 * <p>Where git's own placement rules exist they are followed: a new value goes after the last entry
 * of the last occurrence of its section (a new section at the end), and removing the last entry of a
 * section removes the section too unless a comment is in or around it ({@code git config --unset}).
 * New lines use the file's line ending and the section's indentation; a value is quoted and escaped
 * as git writes it. A replaced value keeps its line's key spelling, spacing and end-of-line comment.
 *
 * <p>The text is held as ISO-8859-1, one char per byte, so untouched bytes round-trip exactly;
 * values and subsections are decoded as UTF-8 only to compare them.
 */
public final class GitConfigFileEditor {
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final Pattern SECTION_NAME = Pattern.compile("[A-Za-z0-9.-]+");
    private static final String BOM = "\u00ef\u00bb\u00bf";

    /** The file is not valid git configuration syntax; git would refuse it too. */
    public static final class InvalidConfigException extends IOException {
        InvalidConfigException(int line) {
            super("bad config line " + line);
        }
    }

    /** One parsed item, with its character (= byte) range in the text. */
    private sealed interface Item permits Header, Entry, Comment {
        int begin();

        int end();
    }

    private record Header(int begin, int end, String section, String subsection) implements Item {
        boolean names(String otherSection, String otherSubsection) {
            return section.equalsIgnoreCase(otherSection) && Objects.equals(subsection, otherSubsection);
        }
    }

    /**
     * An entry from its key to the end of its last line (newline included).
     *
     * @param equals position of '=', or -1 for a bare boolean key
     * @param valueStart first character of the value as written, or -1 for an empty value
     * @param value the decoded value; null for a bare boolean key
     */
    private record Entry(int begin, int end, Header header, String name, int keyEnd, int equals, int valueStart,
                         int valueEnd, String value) implements Item {
        /** The value as git reads it: a bare key ({@code [core] bare}) is {@code true}. */
        String effectiveValue() {
            return value == null ? "true" : value;
        }

        boolean is(String section, String subsection, String key) {
            return header.names(section, subsection) && name.equalsIgnoreCase(key);
        }
    }

    private record Comment(int begin, int end) implements Item {
    }

    private String text;
    private List<Item> items;

    private GitConfigFileEditor(String text) throws InvalidConfigException {
        this.text = text;
        this.items = new Parser(text).parse();
    }

    public static GitConfigFileEditor parse(byte[] content) throws InvalidConfigException {
        return new GitConfigFileEditor(new String(content, StandardCharsets.ISO_8859_1));
    }

    public byte[] toBytes() {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every value of the key in file order; a bare boolean key (no '=') counts as "true", as git reads it. */
    public List<String> values(String section, String subsection, String key) {
        return entries(section, subsection, key).stream().map(Entry::effectiveValue).toList();
    }

    /** True when the section (any occurrence) exists. */
    public boolean hasSection(String section, String subsection) {
        return items.stream().anyMatch(i -> i instanceof Header h && h.names(section, subsection));
    }

    /** Replaces the first entry holding {@code from} by {@code to}; false when no entry holds it. */
    public boolean replace(String section, String subsection, String key, String from, String to)
            throws InvalidConfigException {
        validate(section, subsection, key);
        Optional<Entry> entry = entries(section, subsection, key).stream()
                .filter(e -> Objects.equals(e.effectiveValue(), from)).findFirst();
        if (entry.isEmpty()) {
            return false;
        }
        Entry e = entry.get();
        String quoted = quote(to);
        if (e.valueStart() >= 0) {
            splice(e.valueStart(), e.valueEnd(), quoted);
        } else if (e.equals() >= 0) {
            splice(e.equals() + 1, e.equals() + 1, " " + quoted);
        } else {
            splice(e.keyEnd(), e.keyEnd(), " = " + quoted);
        }
        return true;
    }

    /** Adds a value, as {@code git config --add} places it. */
    public void add(String section, String subsection, String key, String value) throws InvalidConfigException {
        validate(section, subsection, key);
        Header last = null;
        for (Item i : items) {
            if (i instanceof Header h && h.names(section, subsection)) {
                last = h;
            }
        }
        if (last == null) {
            String nl = fileLineEnding();
            String before = text.isEmpty() || text.endsWith("\n") ? "" : nl;
            splice(text.length(), text.length(),
                    before + header(section, subsection) + nl + "\t" + key + " = " + quote(value) + nl);
            return;
        }
        Entry anchor = null;
        for (Item i : items) {
            if (i instanceof Entry e && e.header() == last) {
                anchor = e;
            }
        }
        int at;
        String indent = "\t";
        if (anchor != null) {
            at = anchor.end();
            String lead = text.substring(lineStart(anchor.begin()), anchor.begin());
            if (lead.isBlank()) {
                indent = lead;
            }
        } else {
            int nl = text.indexOf('\n', last.end());
            at = nl < 0 ? text.length() : nl + 1;
        }
        String nl = lineEndingBefore(at);
        String before = at > 0 && text.charAt(at - 1) != '\n' ? nl : "";
        splice(at, at, before + indent + key + " = " + quote(value) + nl);
    }

    /** Removes every entry of the key holding {@code value} (every entry when null), as {@code --unset-all}. */
    public int remove(String section, String subsection, String key, String value) throws InvalidConfigException {
        validate(section, subsection, key);
        List<Entry> doomed = entries(section, subsection, key).stream()
                .filter(e -> value == null || value.equals(e.effectiveValue())).toList();
        if (doomed.isEmpty()) {
            return 0;
        }
        removeEntries(doomed);
        return doomed.size();
    }

    private void removeEntries(List<Entry> doomed) throws InvalidConfigException {
        List<int[]> spans = new ArrayList<>();
        int coveredTo = -1;
        for (Entry e : doomed) {
            if (e.begin() < coveredTo) {
                continue; // inside a section already removed whole
            }
            int[] span = sectionSpan(e, doomed).orElse(new int[] {e.begin(), e.end()});
            while (span[0] > 0 && (text.charAt(span[0] - 1) == ' ' || text.charAt(span[0] - 1) == '\t')) {
                span[0]--; // the entry's indentation goes with it
            }
            spans.add(span);
            coveredTo = span[1];
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = spans.size() - 1; i >= 0; i--) {
            out.delete(spans.get(i)[0], spans.get(i)[1]);
        }
        reparse(out.toString());
    }

    /** Sets the key to one value: the first entry gets it in place, any others are removed (--replace-all). */
    public void set(String section, String subsection, String key, String value) throws InvalidConfigException {
        List<Entry> existing = entries(section, subsection, key);
        if (existing.isEmpty()) {
            add(section, subsection, key, value);
            return;
        }
        if (existing.size() > 1) {
            removeEntries(existing.subList(1, existing.size()));
        }
        Entry first = entries(section, subsection, key).get(0);
        replace(section, subsection, key, first.value() == null ? "true" : first.value(), value);
    }

    /** Removes every occurrence of the section with all its lines up to the next section, as --remove-section. */
    public boolean removeSection(String section, String subsection) throws InvalidConfigException {
        StringBuilder out = new StringBuilder(text);
        boolean removed = false;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof Header h && h.names(section, subsection)) {
                int end = text.length();
                for (int j = i + 1; j < items.size(); j++) {
                    if (items.get(j) instanceof Header next) {
                        end = next.begin();
                        break;
                    }
                }
                out.delete(h.begin(), end);
                removed = true;
            }
        }
        if (removed) {
            reparse(out.toString());
        }
        return removed;
    }

    /** The keys (as written) and values of the section, in file order: what {@code --get-regexp} would list. */
    public List<String[]> entriesOf(String section, String subsection) {
        return items.stream().filter(i -> i instanceof Entry e && e.header().names(section, subsection))
                .map(i -> (Entry) i).map(e -> new String[] {e.name(), e.effectiveValue()}).toList();
    }

    private List<Entry> entries(String section, String subsection, String key) {
        return items.stream().filter(i -> i instanceof Entry e && e.is(section, subsection, key))
                .map(i -> (Entry) i).toList();
    }

    /**
     * The span to delete when removing {@code e} leaves its section empty with no comment in or
     * before it (git's maybe_remove_section): from after the previous entry or foreign header to
     * the next foreign header.
     */
    private Optional<int[]> sectionSpan(Entry e, List<Entry> doomed) {
        int idx = items.indexOf(e);
        int i = idx;
        boolean sectionSeen = false;
        int begin = 0;
        for (; i > 0; i--) {
            Item p = items.get(i - 1);
            if (p instanceof Comment) {
                return Optional.empty();
            }
            if (p instanceof Entry) {
                if (!sectionSeen) {
                    return Optional.empty();
                }
                begin = p.end();
                break;
            }
            Header h = (Header) p;
            if (!h.names(e.header().section(), e.header().subsection())) {
                int nl = text.indexOf('\n', h.end());
                begin = nl < 0 ? text.length() : nl + 1;
                break;
            }
            sectionSeen = true;
        }
        int end = text.length();
        for (int j = idx + 1; j < items.size(); j++) {
            Item n = items.get(j);
            if (n instanceof Comment) {
                return Optional.empty();
            }
            if (n instanceof Header h) {
                if (h.names(e.header().section(), e.header().subsection())) {
                    continue;
                }
                end = h.begin();
                break;
            }
            if (!doomed.contains(n)) {
                return Optional.empty();
            }
        }
        return Optional.of(new int[] {begin, end});
    }

    private void splice(int from, int to, String replacement) throws InvalidConfigException {
        reparse(text.substring(0, from) + replacement + text.substring(to));
    }

    private void reparse(String newText) throws InvalidConfigException {
        List<Item> parsed = new Parser(newText).parse();
        this.text = newText;
        this.items = parsed;
    }

    private int lineStart(int pos) {
        return text.lastIndexOf('\n', pos - 1) + 1;
    }

    /** The line ending of the line that ends just before {@code pos}, else the file's. */
    private String lineEndingBefore(int pos) {
        if (pos >= 2 && text.charAt(pos - 1) == '\n') {
            return text.charAt(pos - 2) == '\r' ? "\r\n" : "\n";
        }
        return fileLineEnding();
    }

    private String fileLineEnding() {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    private static void validate(String section, String subsection, String key) {
        if (!SECTION_NAME.matcher(section).matches() || !KEY_NAME.matcher(key).matches()
                || (subsection != null && (subsection.indexOf('\n') >= 0 || subsection.indexOf('\0') >= 0))) {
            throw new IllegalArgumentException("not a valid git configuration key");
        }
    }

    private static String header(String section, String subsection) {
        if (subsection == null) {
            return "[" + section + "]";
        }
        String escaped = subsection.replace("\\", "\\\\").replace("\"", "\\\"");
        return "[" + section + " \"" + latin1(escaped) + "\"]";
    }

    /** The value as git writes it (config.c write_pair): quoted when spaces at the ends or '#'/';' would be lost. */
    static String quote(String value) {
        boolean quote = value.startsWith(" ") || value.endsWith(" ") || value.contains("#") || value.contains(";");
        StringBuilder out = new StringBuilder();
        if (quote) {
            out.append('"');
        }
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"', '\\' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        if (quote) {
            out.append('"');
        }
        return latin1(out.toString());
    }

    private static String latin1(String unicode) {
        return new String(unicode.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** git's config.c parser, reduced to what locating and decoding needs; positions are byte offsets. */
    private static final class Parser {
        private final String s;
        private int pos;
        private boolean eof;
        private int line = 1;

        Parser(String s) {
            this.s = s;
            this.pos = s.startsWith(BOM) ? BOM.length() : 0;
        }

        List<Item> parse() throws InvalidConfigException {
            List<Item> items = new ArrayList<>();
            Header current = null;
            boolean comment = false;
            while (true) {
                int start = pos;
                char c = next();
                if (c == '\n') {
                    if (eof) {
                        return items;
                    }
                    comment = false;
                    continue;
                }
                if (comment) {
                    continue;
                }
                if (isSpace(c)) {
                    continue;
                }
                if (c == '#' || c == ';') {
                    comment = true;
                    int nl = s.indexOf('\n', start);
                    items.add(new Comment(start, nl < 0 ? s.length() : nl + 1));
                    continue;
                }
                if (c == '[') {
                    current = header(start);
                    items.add(current);
                    continue;
                }
                if (!isAlpha(c) || current == null) {
                    throw new InvalidConfigException(line);
                }
                items.add(entry(start, c, current));
            }
        }

        private char next() {
            if (pos >= s.length()) {
                eof = true;
                return '\n';
            }
            char c = s.charAt(pos++);
            if (c == '\r' && pos < s.length() && s.charAt(pos) == '\n') {
                pos++;
                c = '\n';
            }
            if (c == '\n') {
                line++;
            }
            return c;
        }

        private Header header(int start) throws InvalidConfigException {
            StringBuilder name = new StringBuilder();
            while (true) {
                char c = next();
                if (eof) {
                    throw new InvalidConfigException(line);
                }
                if (c == ']') {
                    String full = name.toString();
                    int dot = full.indexOf('.');
                    if (full.isEmpty() || dot == 0) {
                        throw new InvalidConfigException(line);
                    }
                    return dot < 0 ? new Header(start, pos, full, null)
                            : new Header(start, pos, full.substring(0, dot), utf8(full.substring(dot + 1)));
                }
                if (isSpace(c)) {
                    return extendedHeader(start, name.toString(), c);
                }
                if (!isKeyChar(c) && c != '.') {
                    throw new InvalidConfigException(line);
                }
                name.append(Character.toLowerCase(c));
            }
        }

        private Header extendedHeader(int start, String section, char first) throws InvalidConfigException {
            char c = first;
            do {
                if (c == '\n') {
                    throw new InvalidConfigException(line);
                }
                c = next();
            } while (isSpace(c));
            if (c != '"' || section.isEmpty()) {
                throw new InvalidConfigException(line);
            }
            StringBuilder sub = new StringBuilder();
            while (true) {
                c = next();
                if (c == '\n') {
                    throw new InvalidConfigException(line);
                }
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    c = next();
                    if (c == '\n') {
                        throw new InvalidConfigException(line);
                    }
                }
                sub.append(c);
            }
            if (next() != ']') {
                throw new InvalidConfigException(line);
            }
            return new Header(start, pos, section, utf8(sub.toString()));
        }

        private Entry entry(int start, char first, Header header) throws InvalidConfigException {
            StringBuilder name = new StringBuilder().append(first);
            int keyEnd;
            char c;
            while (true) {
                keyEnd = pos;
                c = next();
                if (!isKeyChar(c)) {
                    break;
                }
                name.append(c);
            }
            while (c == ' ' || c == '\t') {
                c = next();
            }
            if (c == '\n') {
                return new Entry(start, pos, header, name.toString(), keyEnd, -1, -1, -1, null);
            }
            if (c != '=') {
                throw new InvalidConfigException(line);
            }
            int equals = pos - 1;
            boolean quote = false;
            boolean comment = false;
            int spaces = 0;
            int valueStart = -1;
            int valueEnd = -1;
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            while (true) {
                int before = pos;
                c = next();
                if (c == '\n') {
                    if (quote) {
                        throw new InvalidConfigException(line);
                    }
                    return new Entry(start, pos, header, name.toString(), keyEnd, equals, valueStart, valueEnd,
                            new String(value.toByteArray(), StandardCharsets.UTF_8));
                }
                if (comment) {
                    continue;
                }
                if (isSpace(c) && !quote) {
                    if (value.size() > 0) {
                        spaces++;
                    }
                    continue;
                }
                if (!quote && (c == ';' || c == '#')) {
                    comment = true;
                    continue;
                }
                if (valueStart < 0) {
                    valueStart = before;
                }
                for (; spaces > 0; spaces--) {
                    value.write(' ');
                }
                if (c == '\\') {
                    c = next();
                    switch (c) {
                        case '\n' -> {
                            // a continuation line (or a backslash at the very end, which git ignores)
                        }
                        case 't' -> value.write('\t');
                        case 'b' -> value.write('\b');
                        case 'n' -> value.write('\n');
                        case '\\', '"' -> value.write(c);
                        default -> throw new InvalidConfigException(line);
                    }
                } else if (c == '"') {
                    quote = !quote;
                } else {
                    value.write(c);
                }
                valueEnd = pos;
            }
        }

        private static String utf8(String latin1) {
            return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        private static boolean isAlpha(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isKeyChar(char c) {
            return isAlpha(c) || (c >= '0' && c <= '9') || c == '-';
        }
    }
}
