package org.gitlabaccess.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gitlabaccess.core.WireId;

/**
 * The one JSON writer of the command line: stable, indented, nulls written out (but where a record
 * or its component says {@code @JsonInclude(NON_NULL)}, as Jackson honours it). The documents are
 * maps, lists, records and plain values, written with Jackson's streaming generator and its default pretty
 * printer: the same bytes as an indenting ObjectMapper, without the tenth of a second that building
 * an ObjectMapper costs every {@code --json} call. Documents hold nothing else (a test renders
 * every command's).
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            value(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render JSON", e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Path p) {
            // Before Iterable: a Path is an Iterable of Paths. Jackson writes it as its URI.
            g.writeString(p.toUri().toString());
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Record r) {
            // As Jackson writes a record: its components, in declaration order; under
            // @JsonInclude(NON_NULL), on the record or the component, a null one is left out.
            g.writeStartObject();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object component = component(r, c);
                if (component != null || !leftOutWhenNull(r, c)) {
                    g.writeFieldName(c.getName());
                    value(g, component);
                }
            }
            g.writeEndObject();
        } else if (v instanceof Optional<?> o) {
            value(g, o.orElse(null));
        } else if (v instanceof WireId w) {
            g.writeString(w.id());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            throw new IllegalArgumentException("No JSON form for " + v.getClass().getName());
        }
    }

    private static boolean leftOutWhenNull(Record r, RecordComponent c) {
        JsonInclude include = c.getAccessor().getAnnotation(JsonInclude.class);
        if (include == null) {
            include = r.getClass().getAnnotation(JsonInclude.class);
        }
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
