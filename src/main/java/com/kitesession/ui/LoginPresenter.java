package com.kitesession.ui;

import com.kitesession.clock.KiteClockPing;
import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.LoginRejection;
import com.kitesession.login.AutofillPlan;
import com.kitesession.login.LoginAttempt;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.storage.LoginOutcomes;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The whole login path: read the profile's secrets, measure the clock alongside, open Kite's page
 * on the {@link LoginSurface} with origin-locked autofill, explain refusals, and once the
 * request_token is exchanged, remember the session, write the export and show the token.
 */
final class LoginPresenter {
    private final MainModel model;
    private final AppServices services;
    private final SessionService sessions;
    private final UiTasks tasks;
    private final LoginAttempts attempts;
    private final LoginSurface surface;
    private final KiteClockPing clockPing;
    private final ErrorExplainer explainer;
    private final WindowDialogs dialogs;

    LoginPresenter(MainModel model, AppServices services, UiTasks tasks, LoginAttempts attempts, LoginSurface surface,
            KiteClockPing clockPing, ErrorExplainer explainer, WindowDialogs dialogs) {
        this.model = model;
        this.services = services;
        this.sessions = services.sessions();
        this.tasks = tasks;
        this.attempts = attempts;
        this.surface = surface;
        this.clockPing = clockPing;
        this.explainer = explainer;
        this.dialogs = dialogs;
        model.card.addListener((obs, old, shown) -> {
            if (old == MainModel.Card.LOGIN && shown != MainModel.Card.LOGIN) surface.stop();
        });
        // A profile can log in now: get the browser ready (once) while the person reaches for Log in.
        model.canLogin.addListener((obs, old, can) -> {
            if (can) surface.warmUp();
        });
    }

    void login() {
        KiteProfile target = model.profile.get();
        if (target == null) return;
        if (!attempts.saved(target)) return;
        // Measured alongside, not before: the code is needed only at the 2FA step, seconds later,
        // and a dead network must not hold the login page back.
        tasks.create(() -> clockPing.measure(target.apiBase())).run();
        tasks.create(() -> new LoginInputs(sessions.apiSecret(target).orElse(""), sessions.loginSecrets(target)))
                .onSuccess(inputs -> start(target, inputs)).run();
    }

    /** What a login needs from the secret store, read off the FX thread. */
    private record LoginInputs(String apiSecret, SessionService.LoginSecrets loginSecrets) {}

    private void start(KiteProfile target, LoginInputs inputs) {
        if (model.profile.get() != target) return; // the person chose another profile meanwhile
        Optional<LoginAttempt> created = attempts.create(target, inputs.apiSecret());
        if (created.isEmpty()) return;
        LoginAttempt attempt = created.get();
        AutofillPlan autofill = new AutofillPlan(attempt.loginOrigin(), target.userId(),
                inputs.loginSecrets().password().orElse(null), inputs.loginSecrets().totpSecret().orElse(null),
                services.clockOffsets()::correctedNow);
        model.card.set(MainModel.Card.LOGIN);
        surface.start(attempt, autofill, this::rejected, this::pageFailed,
                notice -> model.notice.set(MainModel.Notice.info(notice)));
    }

    private void rejected(LoginRejection rejection) {
        model.explain(explainer.explainLoginRejection(rejection,
                services.clock().instant().atZone(ZoneId.systemDefault()), services.clockOffsets().best()));
    }

    private void pageFailed(String url) {
        model.explain(explainer.explainLoginPageNotLoaded(url));
        model.showHome();
    }

    /** The person left the login page (Cancel in its address bar). */
    void cancel() {
        attempts.ended(model.profile.get(), LoginOutcomes.Kind.CANCELLED);
        model.showHome();
    }

    /**
     * Forgets Kite's login cookies and the login browser's stored data: the next login starts as
     * on a new browser. An open login is closed first, since it runs on those cookies.
     */
    void clearLoginCookies() {
        if (model.card.get() == MainModel.Card.LOGIN) model.showHome();
        boolean cookiesCleared = surface.clearCookies();
        tasks.create(surface::clearStoredData).onSuccess(() -> model.notice.set(MainModel.Notice.success(cookiesCleared
                ? "Login cookies cleared, and Kite's page data removed from disk: the next login starts without them"
                        + " (page data still in memory goes when the app quits)."
                : "The login browser's data was cleared; its cookies last until the app quits (they are kept in memory only)."))
        ).run();
    }

    /** Kite's reset unblocks a real account; the demo's simulator is no Kite account, so nothing real opens. */
    void openKiteReset() {
        KiteProfile shown = model.profile.get();
        if (shown != null && shown.isDemo()) {
            model.notice.set(MainModel.Notice.info("The demo logs in to the built-in simulator, not to Kite: there is no"
                    + " Kite account to reset, so Kite's reset page was not opened. For a real profile it opens "
                    + LoginRejection.KITE_RESET_PAGE + "."));
            return;
        }
        dialogs.browse(LoginRejection.KITE_RESET_PAGE);
    }
}
