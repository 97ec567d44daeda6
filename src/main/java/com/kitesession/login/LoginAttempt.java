package com.kitesession.login;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteHosts;
import com.kitesession.kite.LoginRedirect;
import com.kitesession.kite.LoginState;
import com.kitesession.kite.LoginUrls;
import com.kitesession.kite.PastedRedirect;
import com.kitesession.kite.RedirectParser;
import com.kitesession.kite.UserSession;
import com.kitesession.logging.LogRedactor;
import com.kitesession.perf.Milestones;
import com.kitesession.secrets.SecretNames;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.TokenExpiry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * One login attempt, without JavaFX: the browser reports every URL it navigates to, this class
 * recognises the redirect to the registered URL, exchanges the request_token off the UI thread
 * and reports the outcome on the UI thread. The view only shows what it is told.
 */
public final class LoginAttempt {
    private static final Logger LOG = Logger.getLogger(LoginAttempt.class.getName());

    /** What the view hears; every call arrives on the UI executor. */
    public interface Listener {
        void exchanging();

        void loggedIn(ActiveSession session);

        void failed(Explanation explanation);

        /**
         * A redirect of another, older login (an old tab) was refused: its token is not exchanged,
         * and this attempt goes on waiting for its own. Unless told otherwise, said as a failure.
         */
        default void refused(Explanation explanation) {
            failed(explanation);
        }
    }

    private final KiteProfile profile;
    private final String apiSecret;
    private final KiteClient client;
    private final RedirectParser redirects;
    /** Made for this login, sent in redirect_params; Kite echoes it on success. */
    private final LoginState state;
    /** Kite's login host: its own pages carry action/status too, and are never a redirect. */
    private final LoginOrigin loginOrigin;
    private final TokenExpiry expiry;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final Listener listener;
    private final ErrorExplainer explainer = new ErrorExplainer();
    /** The redirect may be reported twice (location change, then the failed load): act once. */
    private final AtomicBoolean finished = new AtomicBoolean();

    public LoginAttempt(KiteProfile profile, String apiSecret, KiteClient client, TokenExpiry expiry, Clock clock,
            Executor background, Executor ui, Listener listener) {
        this(profile, apiSecret, client, expiry, clock, background, ui, listener, LoginState.fresh());
    }

    /** With a known state value (tests). */
    public LoginAttempt(KiteProfile profile, String apiSecret, KiteClient client, TokenExpiry expiry, Clock clock,
            Executor background, Executor ui, Listener listener, LoginState state) {
        this.profile = profile;
        this.state = state;
        this.apiSecret = apiSecret;
        // Masked here, not by the secret store: it may be typed for this login and never stored.
        LogRedactor.registerSecret(SecretNames.apiSecret(profile.id()), apiSecret);
        this.client = client;
        this.redirects = new RedirectParser(profile.redirectUrl());
        this.loginOrigin = LoginOrigin.of(profile.loginBase()).orElseThrow(() -> new IllegalArgumentException(
                "The Kite login address " + profile.loginBase() + " is not an http(s) address; Kite's is "
                        + KiteHosts.LOGIN_BASE + "."));
        this.expiry = expiry;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
        this.listener = listener;
    }

    public String loginUrl() {
        return LoginUrls.loginUrl(profile.loginBase(), profile.apiKey(), state.redirectParams());
    }

    /** This login's state value, as its login URL carries it. */
    public LoginState state() {
        return state;
    }

    /** Kite's login origin for this profile: the only one the login view may show, and autofill fill. */
    public LoginOrigin loginOrigin() {
        return loginOrigin;
    }

    public boolean isFinished() {
        return finished.get();
    }

    /**
     * Called with each URL the browser goes to. Returns true when the URL was our redirect
     * (the browser should stop: the target often does not load at all).
     */
    public boolean onNavigation(String url) {
        LoginRedirect redirect = redirects.parse(url);
        if (redirect instanceof LoginRedirect.NotOurs) {
            if (!looksLikeKiteRedirect(url) || !finished.compareAndSet(false, true)) return false;
            // Kite redirected to a URL registered for the app that is not this profile's: explain it
            // rather than leave the person on a page that never loads. The token is not ours to use.
            String elsewhere = url.replaceAll("[?#].*", "");
            ui.execute(() -> listener.failed(explainer.explainRedirectMismatch(elsewhere, profile.redirectUrl())));
            return true;
        }
        if (redirect instanceof LoginRedirect.Success success && !fromThisLogin(success)) {
            if (finished.get()) return true;
            LOG.warning(() -> "Login of profile " + profile.id() + ": a redirect carrying another login's state was"
                    + " refused; its request_token was not used");
            ui.execute(() -> listener.refused(explainer.explainOtherLoginsRedirect()));
            return true;
        }
        if (!finished.compareAndSet(false, true)) return true;
        // Always through the UI executor, never synchronously: the browser calls this from inside
        // its redirect callback, and touching the engine there crashes WebKit.
        if (redirect instanceof LoginRedirect.Success success) {
            Milestones.mark("login.redirect-caught");
            ui.execute(listener::exchanging);
            background.execute(() -> exchange(success.requestToken()));
        } else if (redirect instanceof LoginRedirect.Cancelled) {
            ui.execute(() -> listener.failed(explainer.explainCancelled()));
        } else if (redirect instanceof LoginRedirect.Failed failure) {
            ui.execute(() -> listener.failed(explainer.explainFailedRedirect(failure)));
        }
        return true;
    }

    /**
     * A pasted address (from any browser's address bar, as people paste it): handled like a
     * redirect the browser reported. Returns what is wrong with the paste itself, in words, or
     * empty when it went on like a redirect (cancelled, failed or exchanged: the listener hears).
     */
    public Optional<String> offerPasted(String pasted) {
        Optional<String> url = PastedRedirect.normalise(pasted, redirects.scheme());
        String expected = "it starts with " + profile.redirectUrl();
        if (url.isEmpty()) {
            return Optional.of("Nothing was pasted. After logging in, copy the whole address from the browser's address"
                    + " bar (" + expected + ") and paste it here.");
        }
        if (redirects.parse(url.get()) instanceof LoginRedirect.NotOurs) {
            // Without its scheme, Kite's page gets the redirect's (http): look again with Kite's own.
            if (loginOrigin.contains(url.get())
                    || PastedRedirect.normalise(pasted, loginOrigin.scheme()).filter(loginOrigin::contains).isPresent()) {
                return Optional.of("This is Kite's login page, not the address Kite sends the browser to after it."
                        + " Finish the login in the browser, then copy the address it lands on (" + expected + ").");
            }
            return Optional.of("This is not this profile's redirect address (" + expected + "). Copy the whole address"
                    + " from the browser's address bar after logging in, or check the profile's redirect URL.");
        }
        onNavigation(url.get());
        return Optional.empty();
    }

    /** A success carrying this login's state; one with none is taken too (Kite's echo is not promised). */
    private boolean fromThisLogin(LoginRedirect.Success success) {
        String echoed = success.params().get(LoginState.PARAM);
        if (echoed == null) {
            LOG.info(() -> "Login of profile " + profile.id() + ": the redirect carried no state; accepted");
            return true;
        }
        return state.matches(echoed);
    }

    /** A redirect from Kite's login (it names a request_token, or action=login with a status) to any URL. */
    private boolean looksLikeKiteRedirect(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) return false;
        if (loginOrigin.contains(url)) return false; // Kite's own pages carry action/status too
        return parsed.queryParameter("request_token") != null
                || "login".equals(parsed.queryParameter("action")) && parsed.queryParameter("status") != null;
    }

    private void exchange(String requestToken) {
        // Masked as they arrive from Kite, before any store sees them (the request and public tokens
        // never reach one). Held with the session's access token: the logout that forgets one forgets all three.
        String holder = SecretNames.accessToken(profile.id());
        LogRedactor.registerSecret(holder, requestToken);
        try {
            Milestones.mark("login.exchange-start");
            UserSession user = client.generateSession(profile.apiKey(), requestToken, apiSecret);
            Milestones.mark("login.exchange-end");
            LogRedactor.registerSecret(holder, user.accessToken());
            LogRedactor.registerSecret(holder, user.publicToken());
            ActiveSession session = ActiveSession.of(user, expiry, clock);
            LOG.info(() -> "Login of profile " + profile.id() + " exchanged: session of " + user.userId() + " until "
                    + session.expiresAt());
            ui.execute(() -> listener.loggedIn(session));
        } catch (KiteException e) {
            // KiteException messages never carry a secret (see KiteException); the formatter masks any all the same.
            LOG.warning(() -> "Login of profile " + profile.id() + " failed at the exchange: " + e.failureName()
                    + ": " + e.getMessage());
            Explanation explanation = explainer.explainExchange(e);
            ui.execute(() -> listener.failed(explanation));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Login of profile " + profile.id() + " failed with an unexpected error", e);
            // A bug must still end the busy state with a message, not a frozen window.
            Explanation explanation = explainer.explainUnexpected(e);
            ui.execute(() -> listener.failed(explanation));
        }
    }
}
