package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The state words the window's list and {@code profile list} share. */
class ProfileStatusTest {
    private static final Instant LOGIN = Instant.parse("2026-11-23T04:30:00Z");
    private static final KiteProfile PROFILE = KiteProfile.forKite("Main", "k", "http://127.0.0.1/kite-redirect", null);
    private static final SessionRecord RECORD = new SessionRecord("AB1234", "A Trader", LOGIN,
            Instant.parse("2026-11-24T00:30:00Z"), null, null);

    private static String words(SessionRecord record, boolean tokenStored, Instant now) {
        return new ProfileStatus(PROFILE, record, tokenStored, false).stateWords(now);
    }

    @Test
    void aLiveSessionSaysItsTimeLeftTheOthersOnlyTheirState() {
        assertEquals("active, 20:00:00 left", words(RECORD, true, LOGIN));
        assertEquals("expiring soon, 00:15:00 left", words(RECORD, true, LOGIN.plus(Duration.ofMinutes(19 * 60 + 45))));
        assertEquals("unknown (offline), 19:00:00 left",
                words(RECORD.checked(LOGIN, LivenessVerdict.OFFLINE), true, LOGIN.plus(Duration.ofHours(1))));
        assertEquals("invalidated early", words(RECORD.checked(LOGIN, LivenessVerdict.REFUSED), true, LOGIN));
        assertEquals("expired", words(RECORD, true, LOGIN.plus(Duration.ofHours(20))));
        assertEquals("not logged in", words(RECORD, false, LOGIN));
        assertEquals("not logged in", words(null, false, LOGIN));
    }
}
