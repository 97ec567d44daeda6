package com.kitesession.ui;

import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.logging.LogRedactor;
import com.kitesession.login.LoginAttempt;
import com.kitesession.service.AfterLoginCommand;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileInput;
import com.kitesession.storage.AppSettings;
import com.kitesession.storage.LoginOutcomes;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the login attempts of every road (the window's browser, the system browser, a pasted
 * address) and shows how each ends, the same way: the exchange as busy, then the session
 * remembered, exported, handed to the profile's command and on the dashboard; or the explanation.
 */
final class LoginAttempts {
    private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());
    private final MainModel model;
    private final AppServices services;
    private final SessionService sessions;
    private final UiTasks tasks;
    private final Executor fx;
    /** Re-reads the list, keeping the selection on the given id. */
    private final Consumer<String> refresh;
    /** One writer, so that two outcomes noted at once both land. */
    private final LoginOutcomes outcomes;

    LoginAttempts(MainModel model, AppServices services, UiTasks tasks, Executor fx, Consumer<String> refresh) {
        this.model = model;
        this.services = services;
        this.sessions = services.sessions();
        this.tasks = tasks;
        this.fx = fx;
        this.refresh = refresh;
        this.outcomes = new LoginOutcomes(sessions.dataFolder());
    }

    /**
     * A new attempt for {@code target} with {@code apiSecret}, or empty when the profile cannot
     * log in as it is (the sidebar then says why, in words).
     */
    Optional<LoginAttempt> create(KiteProfile target, String apiSecret) {
        Optional<String> problem = ProfileInput.problem(target.apiKey(), apiSecret, target.redirectUrl());
        model.notice.set(problem.map(MainModel.Notice::problem).orElse(MainModel.Notice.NONE));
        if (problem.isPresent()) return Optional.empty();
        try {
            LoginAttempt attempt = new LoginAttempt(target, apiSecret, new KiteClient(target.apiBase(), services.http()),
                    sessions.expiry(), services.clock(), services.background(), fx, new Outcome(target));
            model.dismissExplanation();
            model.retry = MainModel.Retry.LOGIN;
            return Optional.of(attempt);
        } catch (IllegalArgumentException badAddress) {
            // A hand-edited Kite address (plain http to another machine, say): said in words, not thrown.
            model.notice.set(MainModel.Notice.problem(badAddress.getMessage()));
            return Optional.empty();
        }
    }

    /** Whether {@code target} is saved: an unsaved profile is told to save first. */
    boolean saved(KiteProfile target) {
        if (sessions.profile(target.id()).isPresent()) return true;
        model.notice.set(MainModel.Notice.problem("Save the profile first, then log in."));
        return false;
    }

    /**
     * Notes that {@code target}'s login ended without a session (cancelled, failed), for commands
     * waiting on this window ({@code token --wait}); written off the FX thread, a failure only logged.
     */
    void ended(KiteProfile target, LoginOutcomes.Kind kind) {
        if (target == null) return;
        services.background().execute(() -> {
            try {
                outcomes.record(target.id(), kind, services.clock().instant());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not note how the login ended for waiting commands: " + e.getMessage());
            }
        });
    }

    private final class Outcome implements LoginAttempt.Listener {
        private final KiteProfile target;

        Outcome(KiteProfile target) {
            this.target = target;
        }

        @Override
        public void exchanging() {
            model.dismissExplanation(); // a 2FA rejection before the right code is history now
            model.busyText.set("Exchanging the request_token with Kite\u2026");
            model.card.set(MainModel.Card.BUSY);
        }

        @Override
        public void loggedIn(ActiveSession session) {
            model.session.set(session);
            model.handover.set(Handover.NONE); // a new token: not handed anywhere yet, whatever the old one was
            model.sessionStatus.set(MainModel.Notice.NONE);
            model.card.set(MainModel.Card.TOKEN);
            AppSettings.TokenExport export = sessions.settings().exports.get(target.id());
            tasks.create(() -> sessions.recordLogin(target, session)).onSuccess(exportProblem -> {
                exportProblem.ifPresent(text -> model.sessionStatus.set(MainModel.Notice.problem(text)));
                if (export != null) {
                    model.handover.set(Handover.export(ExportFileFacts.target(export),
                            exportProblem.isEmpty() ? services.clock().instant() : null, exportProblem.orElse(null)));
                }
                refresh.accept(target.id());
                runAfterLogin(target, session);
            }).run();
        }

        /** The profile's "Run after login" command, off the FX thread; how it ends is shown, never undoing the login. */
        private void runAfterLogin(KiteProfile profile, ActiveSession session) {
            Optional<String> command = sessions.afterLogin(profile);
            if (command.isEmpty()) return;
            model.handover.set(model.handover.get().afterLogin("Running " + LogRedactor.redact(command.get()) + "\u2026"));
            AfterLoginCommand runner = AfterLoginCommand.standard();
            tasks.create(() -> runner.run(command.get(), session)).onSuccess(result -> {
                if (model.session.get() != session) return; // another session is shown by now; the log has it
                model.handover.set(model.handover.get().afterLogin(result.command() + "\n" + result.summary()));
                if (!result.ok()) model.explain(result.problem());
            }).run();
        }

        @Override
        public void failed(Explanation why) {
            ended(target, LoginOutcomes.Kind.FAILED);
            model.explain(why);
            model.showHome();
        }

        @Override
        public void refused(Explanation why) {
            model.explain(why); // another login's redirect: this one goes on, on the same card
        }
    }
}
