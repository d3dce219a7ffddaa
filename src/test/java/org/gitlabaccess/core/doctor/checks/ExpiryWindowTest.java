package org.gitlabaccess.core.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** GitLab's expiry rules at their edges, in UTC whatever the machine's zone. */
class ExpiryWindowTest {
    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.ofHours(-10));
    }

    @Test
    void aTokenDatedTomorrowHasOneDayLeftJustBeforeMidnightUtc() {
        Clock late = at("2026-12-06T23:59:59Z");
        assertThat(ExpiryWindow.today(late)).isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(ExpiryWindow.daysLeft(LocalDate.parse("2026-12-07"), late)).isEqualTo(1);
    }

    @Test
    void aTokenIsDueWhenItsDateIsAtMostSevenDaysAway() {
        Clock clock = at("2026-12-06T00:00:00Z");
        assertThat(ExpiryWindow.tokenDueWithin(LocalDate.parse("2026-12-13"), 7, clock)).isTrue();
        assertThat(ExpiryWindow.tokenDueWithin(LocalDate.parse("2026-12-14"), 7, clock)).isFalse();
    }

    @Test
    void aKeyExpiresAtItsInstant() {
        Clock clock = at("2026-12-06T12:00:00Z");
        assertThat(ExpiryWindow.keyExpired(Instant.parse("2026-12-06T12:00:00Z"), clock)).isTrue();
        assertThat(ExpiryWindow.keyExpired(Instant.parse("2026-12-06T12:00:01Z"), clock)).isFalse();
        assertThat(ExpiryWindow.keyDueWithin(Instant.parse("2027-01-05T12:00:00Z"), 30, clock)).isTrue();
        assertThat(ExpiryWindow.keyDueWithin(Instant.parse("2027-01-05T12:00:01Z"), 30, clock)).isFalse();
    }
}
