package com.kitesession.session;

import java.time.Duration;
import java.time.Instant;

/** A profile's session as the list shows it; the label carries the meaning, never colour alone. */
public enum SessionState {
    ACTIVE("active"),
    EXPIRING_SOON("expiring soon"),
    EXPIRED("expired"),
    INVALIDATED("invalidated early"),
    NOT_LOGGED_IN("not logged in"),
    UNKNOWN_OFFLINE("unknown (offline)");

    /** The last half hour before expiry. */
    public static final Duration SOON = Duration.ofMinutes(30);

    private final String label;

    SessionState(String label) {
        this.label = label;
    }

    /** Whether a token in this state may still work, so a liveness check is worth making. */
    public boolean isLive() {
        return this == ACTIVE || this == EXPIRING_SOON || this == UNKNOWN_OFFLINE;
    }

    public String label() {
        return label;
    }

    /**
     * The state at {@code now}. Expiry needs no call: past {@code expiresAt} it is expired
     * whatever the last check said. A refusal (403) marks it invalidated; a failed check
     * leaves it unknown, with the token kept.
     */
    public static SessionState of(SessionRecord record, boolean tokenStored, Instant now) {
        if (record == null || !tokenStored) return NOT_LOGGED_IN;
        if (!now.isBefore(record.expiresAt())) return EXPIRED;
        if (record.lastVerdict() == SessionRecord.LivenessVerdict.REFUSED) return INVALIDATED;
        if (record.lastVerdict() == SessionRecord.LivenessVerdict.OFFLINE) return UNKNOWN_OFFLINE;
        if (Duration.between(now, record.expiresAt()).compareTo(SOON) <= 0) return EXPIRING_SOON;
        return ACTIVE;
    }
}
