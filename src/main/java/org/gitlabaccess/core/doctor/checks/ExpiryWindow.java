package org.gitlabaccess.core.doctor.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * GitLab's expiry arithmetic, in UTC as GitLab does it.
 * <ul>
 * <li>A personal access token's {@code expires_at} is a date D: GitLab's documentation says it
 * "expires on the date you define, at midnight UTC", so it works until D 00:00 UTC and is refused
 * from then on (a token dated today is already expired; {@code state=active} no longer lists it).</li>
 * <li>An SSH key's {@code expires_at} is a timestamp: the key works until that instant.</li>
 * </ul>
 */
final class ExpiryWindow {
    private ExpiryWindow() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Whole days from today (UTC) to the token's date: 1 means it stops working at the coming midnight UTC. */
    static long daysLeft(LocalDate expiresAt, Clock clock) {
        return ChronoUnit.DAYS.between(today(clock), expiresAt);
    }

    /** The token stops working within {@code days} days: its date is at most that many days after today (UTC). */
    static boolean tokenDueWithin(LocalDate expiresAt, int days, Clock clock) {
        return daysLeft(expiresAt, clock) <= days;
    }

    /** The key no longer works: its instant is now or past. */
    static boolean keyExpired(Instant expiresAt, Clock clock) {
        return !expiresAt.isAfter(clock.instant());
    }

    /** The key stops working within {@code days} days of now. */
    static boolean keyDueWithin(Instant expiresAt, int days, Clock clock) {
        return !expiresAt.isAfter(clock.instant().plus(Duration.ofDays(days)));
    }
}
