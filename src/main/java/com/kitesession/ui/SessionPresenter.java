package com.kitesession.ui;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.ClipboardGuard;
import com.kitesession.service.LivenessRound;
import com.kitesession.service.Pacer;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The shown session: verify, the periodic check of all sessions, log out, forget, copy. Driven by
 * the model's "now": the liveness round comes due every few minutes of it, and a session that
 * runs out is explained once.
 */
final class SessionPresenter {
    private final MainModel model;
    private final SessionService sessions;
    private final UiTasks tasks;
    private final ClipboardGuard clipboard;
    private final ErrorExplainer explainer;
    /** Re-reads the list, keeping the selection on the given id. */
    private final Consumer<String> refresh;
    private final LivenessRound livenessRound;
    private Instant nextLivenessRound;
    /** The session whose expiry has been explained: once per session. */
    private ActiveSession expiryExplained;

    SessionPresenter(MainModel model, SessionService sessions, UiTasks tasks, ClipboardGuard clipboard,
            ErrorExplainer explainer, Consumer<String> refresh) {
        this.model = model;
        this.sessions = sessions;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.explainer = explainer;
        this.refresh = refresh;
        this.livenessRound = new LivenessRound(sessions, Pacer.forKite());
        scheduleLivenessRound();
        model.now.addListener((obs, old, now) -> onTick(now));
        model.preferences.addListener((obs, old, chosen) -> scheduleLivenessRound());
    }

    private void scheduleLivenessRound() {
        nextLivenessRound = model.now.get().plus(Duration.ofMinutes(model.preferences.get().livenessMinutes()));
    }

    private void onTick(Instant now) {
        if (!now.isBefore(nextLivenessRound)) {
            scheduleLivenessRound();
            checkAllLive();
        }
        ActiveSession shown = model.session.get();
        if (shown != null && shown.isExpired(now) && shown != expiryExplained) {
            expiryExplained = shown;
            model.explain(explainer.explainExpired(shown.expiresAt()));
            refresh.accept(model.selectedId.get());
        }
    }

    void copy() {
        ActiveSession session = model.session.get();
        if (session == null) return;
        model.sessionStatus.set(MainModel.Notice.success("Access token copied to the clipboard" + toClipboard(session)));
    }

    /**
     * Copies the live token of a profile that need not be on screen (the tray icon's Copy token);
     * {@code outcome} says what happened, or why nothing was copied.
     */
    void copyTokenOf(String profileId, Consumer<String> outcome) {
        Optional<KiteProfile> profile = sessions.profile(profileId);
        if (profile.isEmpty()) return;
        String name = profile.get().name();
        tasks.create(() -> sessions.session(profile.get())).onSuccess(found -> {
            if (found.isEmpty() || found.get().isExpired(model.now.get())) {
                outcome.accept("No live session for " + name + ": choose Log in first.");
                return;
            }
            outcome.accept("The access token of " + name + " is on the clipboard" + toClipboard(found.get()));
        }).onError(SecretStoreException.class, e -> outcome.accept("Could not read the token of " + name + ": "
                + e.getMessage())).run();
    }

    /** Puts the token on the clipboard (cleared later, as set); the end of the sentence saying so. */
    private String toClipboard(ActiveSession session) {
        int seconds = sessions.settings().clipboardClearSeconds;
        clipboard.copy(session.accessToken(), Duration.ofSeconds(seconds));
        ActiveSession shown = model.session.get();
        if (shown != null && shown.accessToken().equals(session.accessToken())) {
            model.handover.set(model.handover.get().copied(model.now.get(), seconds));
        }
        return seconds > 0 ? "; it is cleared in " + seconds + " s if still there." : ".";
    }

    void setClipboardClear(int seconds) {
        tasks.create(() -> sessions.setClipboardClearSeconds(seconds)).run();
    }

    void verify() {
        KiteProfile target = model.profile.get();
        if (target == null || model.session.get() == null) return;
        model.sessionStatus.set(MainModel.Notice.info("Checking the session with Kite\u2026"));
        model.retry = MainModel.Retry.VERIFY;
        tasks.create(() -> sessions.check(target)).onSuccess(result -> {
            if (result.verdict() == null) {
                // No token stored any more: logged out or forgotten elsewhere (the command line, say).
                sessionEnded(target);
                model.notice.set(MainModel.Notice.info("No session is stored for this profile any more:"
                        + " it was logged out or forgotten elsewhere."));
                return;
            }
            refresh.accept(target.id());
            if (result.verdict() == LivenessVerdict.LIVE) {
                model.sessionStatus.set(MainModel.Notice.success("Session is live: Kite accepted the token."));
            } else if (result.explanation() != null) {
                model.sessionStatus.set(MainModel.Notice.problem(result.rateLimited()
                        ? "Kite is busy (too many requests) and did not check; the token is kept. Verify again in a moment."
                        : result.verdict() == LivenessVerdict.OFFLINE
                        ? "Could not reach Kite to check; the token is kept." : "Kite refused the session: see above."));
                model.explain(result.explanation());
            }
        }).run();
    }

    /**
     * The periodic round: every profile with a token that may be live is checked quietly; the
     * list shows the outcome, and a refusal of the profile on screen is explained at once.
     */
    void checkAllLive() {
        Instant now = model.now.get();
        tasks.create(() -> livenessRound.run(now)).onSuccess(refused -> {
            String shown = model.selectedId.get();
            if (shown != null && refused.containsKey(shown)) model.explain(refused.get(shown));
            refresh.accept(null); // whichever profile is selected when the list shows: one chosen meanwhile stays
        }).run();
    }

    void logout() {
        KiteProfile target = model.profile.get();
        if (target == null || model.session.get() == null) return;
        tasks.create(() -> sessions.logout(target)).onSuccess(result -> {
            if (result.done()) {
                sessionEnded(target);
            } else {
                model.explain(explainer.explainLogoutFailed(result.problem()));
            }
        }).run();
    }

    /** Wipes the token on this computer only; Kite keeps it valid until its expiry. */
    void forgetLocally() {
        KiteProfile target = model.profile.get();
        if (target == null) return;
        tasks.create(() -> sessions.forgetSession(target)).onSuccess(() -> sessionEnded(target)).run();
    }

    private void sessionEnded(KiteProfile target) {
        model.session.set(null);
        model.handover.set(Handover.NONE);
        model.sessionStatus.set(MainModel.Notice.NONE);
        model.showHome();
        refresh.accept(target.id());
    }
}
