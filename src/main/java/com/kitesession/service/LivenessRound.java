package com.kitesession.service;

import com.kitesession.explain.Explanation;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The periodic check of every session that may still be live ({@code GET /user/profile} each),
 * paced so that a round never exceeds Kite's rate limit however many profiles there are. Blocks:
 * run it off the FX thread.
 */
public final class LivenessRound {
    private final SessionService sessions;
    private final Pacer pacer;

    public LivenessRound(SessionService sessions, Pacer pacer) {
        this.sessions = sessions;
        this.pacer = pacer;
    }

    /** Checks each live session at {@code now}; the explanations of those Kite refused, by profile id. */
    public Map<String, Explanation> run(Instant now) throws IOException, SecretStoreException, InterruptedException {
        Map<String, Explanation> refused = new HashMap<>();
        for (ProfileStatus row : sessions.statuses()) {
            if (!row.state(now).isLive()) continue;
            pacer.awaitTurn();
            SessionService.CheckResult result = sessions.check(row.profile());
            if (result.verdict() == LivenessVerdict.REFUSED) refused.put(row.profile().id(), result.explanation());
        }
        return refused;
    }
}
