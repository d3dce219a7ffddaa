package org.gitlabaccess.core.runner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one entry out of a docker config.json's {@code auths} and leaves every other byte as it was
 * (a hand-edited layout, other logins, the plugins' settings): the entry's span comes from the
 * streaming parser's byte offsets, and one separating comma goes with it.
 */
final class DockerAuthsCut {
    private static final JsonFactory JSON = new JsonFactory();

    private DockerAuthsCut() {
    }

    /** A byte range, end exclusive. */
    private record Span(long start, long end) {
    }

    /**
     * Every entry of that name goes: docker reads the last of duplicate keys, and any copy left
     * would still be a login.
     *
     * @return the file without the entry, or null when there is no such entry (nothing to do)
     */
    static byte[] without(byte[] config, String key) throws IOException {
        byte[] cut = withoutFirst(config, key);
        for (byte[] next = cut; next != null; next = withoutFirst(next, key)) {
            cut = next;
        }
        return cut;
    }

    private static byte[] withoutFirst(byte[] config, String key) throws IOException {
        try (JsonParser p = JSON.createParser(config)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("auths") && value == JsonToken.START_OBJECT) {
                    return cut(config, p, key);
                }
                p.skipChildren();
            }
            return null;
        }
    }

    /** The parser stands on the {@code auths} object's opening brace. */
    private static byte[] cut(byte[] config, JsonParser p, String key) throws IOException {
        long open = p.currentTokenLocation().getByteOffset();
        List<Span> entries = new ArrayList<>();
        int found = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            long start = p.currentTokenLocation().getByteOffset();
            String name = p.currentName();
            p.nextToken();
            p.skipChildren();
            p.getText(); // a scalar's token is read to its end only when asked
            entries.add(new Span(start, p.currentLocation().getByteOffset()));
            if (found < 0 && name.equals(key)) {
                found = entries.size() - 1;
            }
        }
        if (found < 0) {
            return null;
        }
        long close = p.currentTokenLocation().getByteOffset();
        Span removed;
        if (entries.size() == 1) {
            removed = new Span(open + 1, close); // "auths": {} as docker writes an empty one
        } else if (found > 0) {
            removed = new Span(entries.get(found - 1).end(), entries.get(found).end()); // with the comma before it
        } else {
            removed = new Span(entries.get(0).start(), entries.get(1).start()); // with the comma after it
        }
        int start = (int) removed.start();
        int end = (int) removed.end();
        byte[] out = new byte[config.length - (end - start)];
        System.arraycopy(config, 0, out, 0, start);
        System.arraycopy(config, end, out, start, config.length - end);
        return out;
    }
}
