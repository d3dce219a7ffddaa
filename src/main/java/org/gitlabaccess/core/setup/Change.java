package org.gitlabaccess.core.setup;

import org.gitlabaccess.core.io.Redactor;

/** One change a step made (or plans): what, where, before and after, all redacted. */
public record Change(ChangeKind kind, String target, String before, String after) {
    public Change {
        target = Redactor.redact(target);
        before = before == null ? null : Redactor.redact(before);
        after = after == null ? null : Redactor.redact(after);
    }
}
