package org.gitlabaccess.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.TerminalSafe;

/**
 * Renders an error per the contract: {@code error: ...} and a hint on stderr; with {@code --json},
 * also {@code {"error":{"code","message","hint"}}} on stdout. Everything passes the redactor.
 */
final class ErrorRenderer {
    private ErrorRenderer() {
    }

    static void render(CliContext ctx, boolean json, int exitCode, String reason, String message, String hint) {
        // Messages may quote a server's answer: its control characters must not reach the terminal.
        String safeMessage = TerminalSafe.line(Redactor.redact(message));
        String safeHint = hint == null ? null : TerminalSafe.line(Redactor.redact(hint));
        ctx.err().println("error: " + safeMessage);
        if (safeHint != null && !safeHint.isBlank()) {
            ctx.err().println("hint: " + safeHint);
        }
        ctx.err().flush();
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", exitCode);
            error.put("reason", reason);
            error.put("message", safeMessage);
            error.put("hint", safeHint);
            ctx.out().println(Json.write(Map.of("error", error)));
            ctx.out().flush();
        }
    }
}
