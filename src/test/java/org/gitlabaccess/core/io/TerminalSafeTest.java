package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Control characters from outside are printed as visible escapes, never acted on by a terminal. */
class TerminalSafeTest {
    @Test
    void escapesColourTitleNulDelC1AndBidiOverrides() {
        assertThat(TerminalSafe.line("a\u001b[31mb\u0007c\u0000d\u007fe\u009bf\u202eg"))
                .isEqualTo("a\\u001b[31mb\\u0007c\\u0000d\\u007fe\\u009bf\\u202eg");
        assertThat(TerminalSafe.line("Ünïcödé names stay")).isEqualTo("Ünïcödé names stay");
    }

    @Test
    void aLineHasNoLineBreakWhileTextKeepsItsLines() {
        assertThat(TerminalSafe.line("one\ntwo\r")).isEqualTo("one\\u000atwo\\u000d");
        assertThat(TerminalSafe.lines("one\n\ttwo\r")).isEqualTo("one\n\ttwo\\u000d");
    }
}
