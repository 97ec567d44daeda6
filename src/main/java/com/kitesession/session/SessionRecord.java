package com.kitesession.session;

import java.time.Instant;

/**
 * What the app remembers about a profile's session, without the token (that lives in the
 * {@code SecretStore}): whose it is, when it began and dies, and the last liveness verdict.
 */
public record SessionRecord(String userId, String userName, Instant loginTime, Instant expiresAt,
        Instant checkedAt, LivenessVerdict lastVerdict) {

    /** What the last {@code GET /user/profile} said; null in a record means never checked. */
    public enum LivenessVerdict {
        LIVE, REFUSED, OFFLINE
    }

    public SessionRecord checked(Instant at, LivenessVerdict verdict) {
        return new SessionRecord(userId, userName, loginTime, expiresAt, at, verdict);
    }
}
