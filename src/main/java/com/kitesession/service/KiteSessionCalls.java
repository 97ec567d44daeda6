package com.kitesession.service;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteTime;
import com.kitesession.service.SessionService.CheckResult;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * What {@link SessionService} asks Kite about a stored session: whether Kite still accepts its
 * token, and to end it. Remembers nothing: the service keeps the verdict.
 */
final class KiteSessionCalls {
    private static final Logger LOG = Logger.getLogger(KiteSessionCalls.class.getName());
    private final OkHttpClient http;
    private final Clock clock;
    private final ErrorExplainer explainer = new ErrorExplainer();

    KiteSessionCalls(OkHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * {@code GET /user/profile} with the session's token. Only Kite's 403 about the token itself
     * marks it refused (invalidated early, or expired past the expiry); a timeout, a dead
     * network or a 5xx say nothing about the token: unknown, and the token is kept. A 429 says
     * nothing either, and not even that Kite is unreachable: the check did not happen
     * ({@link CheckResult#rateLimited()}), and the last verdict stands.
     */
    CheckResult check(KiteProfile profile, ActiveSession session) {
        CheckResult result;
        String failure = null;
        try {
            new KiteClient(profile.apiBase(), http).getProfile(profile.apiKey(), session.accessToken());
            result = new CheckResult(LivenessVerdict.LIVE, null);
        } catch (KiteException e) {
            failure = e.failureName() + (e instanceof KiteApiException api ? ", HTTP " + api.httpStatus() : "");
            result = new CheckResult(refusesToken(e) ? LivenessVerdict.REFUSED : LivenessVerdict.OFFLINE,
                    explainer.explainApiCall(e, session.expiresAt(), clock.instant().atZone(KiteTime.IST)),
                    e instanceof KiteApiException api && api.isTooManyRequests());
        }
        LOG.info("Liveness of profile " + profile.id() + ": " + (result.rateLimited() ? "not checked" : result.verdict())
                + (failure == null ? "" : " (" + failure + ")"));
        return result;
    }

    /**
     * {@code DELETE /session/token}: empty once the token is dead, also when Kite says it was dead
     * already; the explanation when Kite could not be told.
     */
    Optional<Explanation> logout(KiteProfile profile, ActiveSession session) {
        try {
            new KiteClient(profile.apiBase(), http).invalidateAccessToken(profile.apiKey(), session.accessToken());
        } catch (KiteApiException e) {
            // Kite refusing the token means it is dead already: nothing left to log out.
        } catch (KiteException e) {
            return Optional.of(explainer.explainExchange(e));
        }
        return Optional.empty();
    }

    /** Kite's answer about this token itself: a TokenException, a PermissionException, or another 403. */
    private static boolean refusesToken(KiteException e) {
        return e instanceof KiteApiException api && switch (api.errorType()) {
            case TOKEN, PERMISSION -> true;
            default -> api.httpStatus() == 403;
        };
    }
}
