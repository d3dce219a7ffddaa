package org.gitlabaccess.core.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.TerminalSafe;

/**
 * Typed, checked access to the fields of one JSON object from a GitLab answer. A field of the
 * wrong type, a required field that is missing or null, a text longer than {@link #MAX_TEXT}
 * characters, a date that is no date: each is a {@link ProblemException} that names the host, the
 * endpoint and the field (exit 4), never a default value slipped in or a NullPointerException.
 */
public final class JsonFields {
    /** GitLab's longest field the product reads is an SSH public key line (a few KiB). */
    public static final int MAX_TEXT = 64 * 1024;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,254}");

    private final ApiResult result;
    private final JsonNode node;
    private final String where;

    private JsonFields(ApiResult result, JsonNode node, String where) {
        this.result = result;
        this.node = node;
        this.where = where;
    }

    /** The answer's body as an object. */
    public static JsonFields object(ApiResult r) {
        JsonNode body = r.body();
        if (body == null || !body.isObject()) {
            throw ApiProblems.malformed(r, Text.of("error.malformed.not-object", typeOf(body)));
        }
        return new JsonFields(r, body, "");
    }

    /** The answer's body as a list of objects. */
    public static List<JsonFields> array(ApiResult r) {
        JsonNode body = r.body();
        if (body == null || !body.isArray()) {
            throw ApiProblems.malformed(r, Text.of("error.malformed.not-array", typeOf(body)));
        }
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.isObject()) {
                throw ApiProblems.malformed(r, Text.of("error.malformed.item-not-object", i, typeOf(item)));
            }
            items.add(new JsonFields(r, item, "[" + i + "]."));
        }
        return items;
    }

    /** A required text. */
    public String text(String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    /** A text that may be missing or null. */
    public Optional<String> optionalText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw wrongType(field, "string", v);
        }
        if (v.asText().length() > MAX_TEXT) {
            throw ApiProblems.malformed(result, Text.of("error.malformed.too-long", where + field, MAX_TEXT));
        }
        return Optional.of(v.asText());
    }

    /** A required text shown to the user: control characters neutralised ({@link TerminalSafe}). */
    public String display(String field) {
        return TerminalSafe.line(text(field));
    }

    /** An optional text shown to the user, {@code ""} when missing or null; control characters neutralised. */
    public String optionalDisplay(String field) {
        return TerminalSafe.line(optionalText(field).orElse(""));
    }

    /**
     * A required GitLab user name: letters, digits, {@code _ . -}, as GitLab allows them. It travels
     * on (the git credential protocol's {@code username=} line), so nothing else may pass.
     */
    public String username(String field) {
        String v = text(field);
        if (!USERNAME.matcher(v).matches()) {
            throw ApiProblems.malformed(result, Text.of("error.malformed.not-a-username", where + field));
        }
        return v;
    }

    /** A required whole number. */
    public long number(String field) {
        OptionalLong n = optionalNumber(field);
        if (n.isEmpty()) {
            throw missing(field);
        }
        return n.getAsLong();
    }

    /** A whole number that may be missing or null. */
    public OptionalLong optionalNumber(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(field, "integer", v);
        }
        return OptionalLong.of(v.asLong());
    }

    /** A boolean, {@code absent} when missing or null. */
    public boolean flag(String field, boolean absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "boolean", v);
        }
        return v.asBoolean();
    }

    /** A date ({@code 2026-12-31}) or a timestamp's date ({@code 2026-12-31T10:00:00.000Z}); empty when null. */
    public Optional<LocalDate> date(String field) {
        Optional<String> text = optionalText(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get();
        try {
            return Optional.of(t.length() == 10 ? LocalDate.parse(t) : OffsetDateTime.parse(t).toLocalDate());
        } catch (DateTimeParseException e) {
            throw ApiProblems.malformed(result, Text.of("error.malformed.not-a-date", where + field));
        }
    }

    /** A timestamp ({@code 2026-12-31T10:00:00.000Z}); empty when null. */
    public Optional<OffsetDateTime> timestamp(String field) {
        Optional<String> text = optionalText(field);
        try {
            return text.map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            throw ApiProblems.malformed(result, Text.of("error.malformed.not-a-date", where + field));
        }
    }

    /** A required list of texts (scopes), control characters neutralised. */
    public List<String> texts(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw missing(field);
        }
        if (!v.isArray()) {
            throw wrongType(field, "array", v);
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().length() > MAX_TEXT) {
                throw wrongType(field, "array of strings", item);
            }
            list.add(TerminalSafe.line(item.asText()));
        }
        return List.copyOf(list);
    }

    private ProblemException missing(String field) {
        return ApiProblems.malformed(result, Text.of("error.malformed.missing", where + field));
    }

    private ProblemException wrongType(String field, String expected, JsonNode actual) {
        return ApiProblems.malformed(result, Text.of("error.malformed.wrong-type", where + field, expected,
                typeOf(actual)));
    }

    /** The JSON type's name, as a reader of the message knows it. */
    static String typeOf(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
