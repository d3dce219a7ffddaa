package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void trimsPastedWhiteSpaceAndNeverPrintsItsValue() {
        try (Secret s = Secret.of("  glpat-Ab3dEf6hIj9kLm2nOp5q\n")) {
            assertThat(s.reveal()).isEqualTo("glpat-Ab3dEf6hIj9kLm2nOp5q");
            assertThat(s.toString()).isEqualTo("Secret[****]");
            assertThat(String.valueOf(s)).doesNotContain("Ab3d");
            assertThat(s.kind()).isEqualTo("glpat");
        }
    }

    @Test
    void closeWipesTheCharacters() {
        Secret s = Secret.of("glpat-Ab3dEf6hIj9kLm2nOp5q");
        s.close();
        assertThat(s.reveal()).doesNotContain("glpat");
    }
}
