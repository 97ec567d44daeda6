package com.kitesession.cli;

import com.kitesession.desktop.SystemBrowser;
import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.ErrorLayer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.login.LoginAttempt;
import com.kitesession.login.LoopbackRedirectListener;
import com.kitesession.login.RedirectListenerProblem;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.AfterLoginCommand;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileInput;
import com.kitesession.session.RedirectUrlCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/**
 * {@code login --browser}: the system-browser road, run by the command itself. It prints Kite's
 * login address (and opens a browser where one can open), then takes whichever comes first: the
 * redirect at the profile's loopback address, or the address the browser landed on, pasted on
 * standard input (a browser on another computer). The session is stored as the window stores it
 * and only the token goes to standard output.
 */
final class BrowserLogin {
    /** A redirect address is well under 1 KB; a line longer than this is no paste of one. */
    static final int MAX_LINE_BYTES = 8 * 1024;
    private static final Explanation CANCELLED = new ErrorExplainer().explainCancelled();

    private final SessionService service;
    private final OkHttpClient http;
    private final LoginSurroundings around;
    private final PrintStream out;
    private final PrintStream err;

    BrowserLogin(SessionService service, OkHttpClient http, LoginSurroundings around, PrintStream out, PrintStream err) {
        this.service = service;
        this.http = http;
        this.around = around;
        this.out = out;
        this.err = err;
    }

    int run(KiteProfile profile, Duration timeout) throws InterruptedException {
        String secret;
        try {
            secret = service.apiSecret(profile).orElse("");
        } catch (SecretStoreException e) {
            err.println("The api_secret of '" + profile.name() + "' could not be read from "
                    + service.secretStore().describe() + ": " + e.getMessage());
            return LoginCommand.SECRETS_UNREADABLE;
        }
        Optional<String> problem = ProfileInput.problem(profile.apiKey(), secret, profile.redirectUrl());
        if (problem.isPresent()) {
            err.println("'" + profile.name() + "' cannot log in as saved: " + problem.get()
                    + " Fix the profile in Kite Session Manager, then try again.");
            return LoginCommand.USAGE;
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "kite-login");
            thread.setDaemon(true);
            return thread;
        });
        LoginWait wait = new LoginWait(err);
        LoopbackRedirectListener listener = null;
        try {
            LoginAttempt attempt;
            try {
                attempt = new LoginAttempt(profile, secret, new KiteClient(profile.apiBase(), http), service.expiry(),
                        service.clock(), worker, worker, wait);
            } catch (IllegalArgumentException badAddress) {
                // A hand-edited Kite address: said in words (never with a secret), as the window says it.
                err.println("'" + profile.name() + "' cannot log in as saved: " + badAddress.getMessage());
                return LoginCommand.USAGE;
            }
            err.println("Log in to Kite for '" + profile.name() + "' at this address:");
            err.println("  " + attempt.loginUrl());
            SystemBrowser.Attempt browser = new SystemBrowser(around.env(), around.osName()).open(attempt.loginUrl());
            err.println(browser.words() + (browser.started() ? " If none opens, open" : " Open")
                    + " the address in any browser, on this computer or another one.");
            listener = listen(profile, attempt, timeout);
            err.println((listener != null ? "Or paste" : "Paste") + " here the address the browser lands on after the"
                    + " login (it starts with " + profile.redirectUrl() + ") and press Enter. Waiting up to "
                    + LoginCommand.describe(timeout) + ".");
            readPastes(attempt, wait, listener != null);
            return finish(profile, wait.await(timeout, attempt), timeout);
        } finally {
            if (listener != null) listener.close();
            worker.shutdownNow();
        }
    }

    /** Listens at the profile's redirect address where that can work; null (the reason said) where not. */
    private LoopbackRedirectListener listen(KiteProfile profile, LoginAttempt attempt, Duration timeout) {
        Optional<String> cannot = RedirectUrlCheck.browserRoadProblem(profile.redirectUrl());
        if (cannot.isEmpty()) {
            try {
                LoopbackRedirectListener listener = LoopbackRedirectListener.open(profile.redirectUrl(), timeout,
                        url -> judge(attempt, url), () -> { });
                err.println("Waiting for Kite to send the browser back to " + profile.redirectUrl()
                        + " (a browser on this computer lands there by itself).");
                return listener;
            } catch (RedirectListenerProblem problem) {
                cannot = Optional.of(problem.getMessage());
            }
        }
        err.println("Not listening for the redirect: " + cannot.get());
        return null;
    }

    /** On the listener's thread: this login's redirect is taken; another login's is refused and the wait goes on. */
    private static LoopbackRedirectListener.Answer judge(LoginAttempt attempt, String url) {
        attempt.onNavigation(url);
        return attempt.isFinished()
                ? LoopbackRedirectListener.Answer.taken("The command line has Kite's answer. You can close this tab.")
                : LoopbackRedirectListener.Answer.refused("This address comes from another, older login, so it was not"
                        + " used. Use the address of the newest login.");
    }

    /**
     * Reads pasted addresses on a thread of its own until the input ends: each goes to the
     * attempt; what is wrong with one is said, and the next line is read.
     */
    private void readPastes(LoginAttempt attempt, LoginWait wait, boolean listening) {
        BoundedLines lines = new BoundedLines(around.stdin(), MAX_LINE_BYTES);
        Thread reader = new Thread(() -> {
            try {
                for (BoundedLines.Line line = lines.next(); line != null && !attempt.isFinished(); line = lines.next()) {
                    if (line.tooLong()) {
                        err.println("That line was longer than " + MAX_LINE_BYTES / 1024 + " KB, far more than a redirect"
                                + " address; paste only the address from the browser's address bar.");
                    } else if (!line.text().isBlank()) {
                        attempt.offerPasted(line.text()).ifPresent(err::println);
                    }
                }
            } catch (IOException e) {
                err.println("Standard input could not be read (" + e.getClass().getSimpleName() + ").");
            }
            wait.inputEnded(listening, attempt);
        }, "kite-login-paste");
        reader.setDaemon(true);
        reader.start();
    }

    private int finish(KiteProfile profile, LoginWait.Ending ending, Duration timeout) {
        if (ending instanceof LoginWait.LoggedIn loggedIn) return stored(profile, loggedIn.session());
        if (ending instanceof LoginWait.Failed failed) return failed(failed.explanation());
        if (ending instanceof LoginWait.NothingCanCome) {
            err.println("Standard input ended, and this command cannot catch the redirect itself, so no login can"
                    + " come back. Run it at a terminal and paste the address the browser lands on.");
            return LoginCommand.TIMED_OUT;
        }
        err.println("No login came back within " + LoginCommand.describe(timeout) + ", so the command stopped waiting"
                + " (an old tab cannot deliver a token later). Run it again to log in; --timeout gives more time.");
        return LoginCommand.TIMED_OUT;
    }

    /** Stores the session as the window does (token, record, export); prints only the token. */
    private int stored(KiteProfile profile, ActiveSession session) {
        try {
            service.recordLogin(profile, session).ifPresent(exportProblem -> err.println("Note: " + exportProblem));
        } catch (IOException | SecretStoreException e) {
            // Still printed: the login worked, and a token that is not printed would be lost.
            err.println("Logged in, but the session could not be saved (" + e.getMessage() + "); Kite Session Manager"
                    + " and `token` will not know it. The token below works until the daily expiry.");
            out.println(session.accessToken());
            return LoginCommand.SECRETS_UNREADABLE;
        }
        out.println(session.accessToken());
        out.flush();
        runAfterLogin(profile, session);
        return LoginCommand.OK;
    }

    /**
     * The profile's Run after login command, as the window runs it after each login: once the
     * token is printed, its outcome on stderr. A failure is said and never undoes the login.
     */
    private void runAfterLogin(KiteProfile profile, ActiveSession session) {
        Optional<String> command = service.afterLogin(profile);
        if (command.isEmpty()) return;
        AfterLoginCommand.Result result = AfterLoginCommand.standard().run(command.get(), session);
        err.println("After login: " + result.command() + ": " + result.summary());
        if (result.problem() != null && !result.problem().fixes().isEmpty()) err.println(result.problem().fixes().get(0));
    }

    /**
     * The explanation's title, Kite's words and its first fix. A login that came back without a
     * token (cancelled) or that Kite refused is exit 3; Kite unreachable is exit 4.
     */
    private int failed(Explanation why) {
        err.println(why.title() + "." + (why.kiteMessage() != null ? " Kite said: " + why.kiteMessage() : ""));
        if (why.equals(CANCELLED)) {
            err.println("No token was made. Run the command again when you are ready.");
        } else if (!why.fixes().isEmpty()) {
            err.println(why.fixes().get(0));
        }
        boolean kiteSaidNo = why.layer() == ErrorLayer.LOGIN || why.kiteMessage() != null;
        return kiteSaidNo ? LoginCommand.NO_TOKEN : LoginCommand.KITE_UNREACHABLE;
    }
}
