package com.kitesession.ui;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.login.LoginAttempt;
import com.kitesession.login.LoopbackRedirectListener;
import com.kitesession.login.RedirectListenerProblem;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.storage.LoginOutcomes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The second way in: log in with the system browser, its redirect caught by a loopback listener
 * on the registered address (RFC 8252), or the address the browser landed on pasted by hand
 * (another browser, a phone, a redirect URL that is not this computer). Both end like the
 * window's login, through {@link LoginAttempts}.
 */
final class BrowserLoginPresenter {
    /** How long the listener waits for the browser: a login takes a minute; then it is a forgotten tab. */
    static final Duration WAIT = Duration.ofMinutes(10);

    private final MainModel model;
    private final SessionService sessions;
    private final UiTasks tasks;
    private final Executor fx;
    private final LoginAttempts attempts;
    private final ErrorExplainer explainer;
    private final WindowDialogs dialogs;
    private final Duration wait;
    private LoginAttempt attempt;
    private LoopbackRedirectListener listener;

    BrowserLoginPresenter(MainModel model, SessionService sessions, UiTasks tasks, Executor fx, LoginAttempts attempts,
            ErrorExplainer explainer, WindowDialogs dialogs, Duration wait) {
        this.model = model;
        this.sessions = sessions;
        this.tasks = tasks;
        this.fx = fx;
        this.attempts = attempts;
        this.explainer = explainer;
        this.dialogs = dialogs;
        this.wait = wait;
        model.card.addListener((obs, old, shown) -> {
            if (old == MainModel.Card.BROWSER_LOGIN && shown != MainModel.Card.BROWSER_LOGIN) stopWaiting();
        });
    }

    /** Log in with my browser: opens Kite's login there and waits for its redirect (or a paste). */
    void loginWithBrowser() {
        prepare(true);
    }

    /** Paste redirect address: for a login made in any browser. */
    void pasteAddress() {
        prepare(false);
    }

    private void prepare(boolean openBrowser) {
        KiteProfile target = model.profile.get();
        if (target == null || !attempts.saved(target)) return;
        tasks.create(() -> sessions.apiSecret(target).orElse("")).onSuccess(secret -> {
            if (model.profile.get() == target) begin(target, secret, openBrowser);
        }).run();
    }

    private void begin(KiteProfile target, String secret, boolean openBrowser) {
        LoopbackRedirectListener previous = listener;
        listener = null;
        Optional<LoginAttempt> created = attempts.create(target, secret);
        attempt = created.orElse(null);
        if (created.isEmpty()) {
            closeInBackground(previous);
            return;
        }
        LoginAttempt current = created.get();
        // Sockets off the FX thread: the old listener is closed before the new one takes the same port.
        tasks.create(() -> {
            if (previous != null) previous.close();
            return openBrowser ? listen(target, current) : null;
        }).onSuccess(listening -> show(target, current, openBrowser, listening)).run();
    }

    /** A listener on the profile's redirect URL, or why there is none. */
    private record Listening(LoopbackRedirectListener listener, String problem) {}

    private Listening listen(KiteProfile target, LoginAttempt current) {
        try {
            return new Listening(LoopbackRedirectListener.open(target.redirectUrl(), wait, url -> judge(current, url),
                    () -> fx.execute(() -> timedOut(current))), null);
        } catch (RedirectListenerProblem problem) {
            return new Listening(null, problem.getMessage());
        }
    }

    private void show(KiteProfile target, LoginAttempt current, boolean openBrowser, Listening listening) {
        if (current != attempt) { // another login began meanwhile, or this one was left
            if (listening != null && listening.listener() != null) closeInBackground(listening.listener());
            return;
        }
        BrowserWait shown = new BrowserWait(target.name(), target.redirectUrl(), current.loginUrl(), null, null, openBrowser);
        if (listening != null) {
            listener = listening.listener();
            shown = listener != null ? new BrowserWait(target.name(), target.redirectUrl(), current.loginUrl(),
                    model.now.get().plus(wait), null, true) : shown.stoppedWaiting(listening.problem());
        }
        if (openBrowser) dialogs.browse(current.loginUrl());
        model.browserWait.set(shown);
        model.pasteNotice.set(MainModel.Notice.NONE);
        model.card.set(MainModel.Card.BROWSER_LOGIN);
    }

    /** On the listener's thread: the attempt takes this login's redirect; another login's is refused. */
    private static LoopbackRedirectListener.Answer judge(LoginAttempt attempt, String url) {
        attempt.onNavigation(url);
        return attempt.isFinished()
                ? LoopbackRedirectListener.Answer.taken("Kite Session Manager has Kite's answer. You can close this tab"
                        + " and go back to the app.")
                : LoopbackRedirectListener.Answer.refused("This address comes from another, older login, so it was"
                        + " not used. Use the tab of the newest login, or go back to the app.");
    }

    /** The address from the browser's bar, as pasted. */
    void usePasted(String pasted) {
        if (attempt == null) return;
        Optional<String> problem = attempt.offerPasted(pasted);
        model.pasteNotice.set(problem.map(MainModel.Notice::problem).orElse(MainModel.Notice.NONE));
    }

    void openBrowserAgain() {
        if (attempt != null) dialogs.browse(attempt.loginUrl());
    }

    void cancel() {
        attempts.ended(model.profile.get(), LoginOutcomes.Kind.CANCELLED);
        model.showHome();
    }

    private void timedOut(LoginAttempt timed) {
        if (timed != attempt || model.card.get() != MainModel.Card.BROWSER_LOGIN) return;
        listener = null;
        model.explain(explainer.explainBrowserWaitOver(wait));
        BrowserWait shown = model.browserWait.get();
        if (shown != null) model.browserWait.set(shown.stoppedWaiting("Stopped waiting for the browser after "
                + wait.toMinutes() + " minutes. Paste the address it landed on, or log in again."));
    }

    /** Closes the listener: the card was left (cancel, the token shown, another profile) or a new login began. */
    private void stopWaiting() {
        closeInBackground(listener);
        listener = null;
        attempt = null;
    }

    private void closeInBackground(LoopbackRedirectListener closing) {
        if (closing != null) tasks.create(closing::close).run();
    }
}
