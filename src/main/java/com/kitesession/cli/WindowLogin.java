package com.kitesession.cli;

import com.kitesession.desktop.DesktopDisplay;
import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.RunningWindow;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.storage.LoginOutcomes;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code login} without {@code --browser}: the window logs in. A running window of this settings
 * folder is asked to (it selects the profile and opens Kite's login); without one, a window is
 * started with the same request, where a display exists. The command then watches the store for
 * the session the window files, and prints only its token; a login cancelled in the window after
 * the request ends the wait ({@link LoginOutcomes}). {@code login} and {@code token --wait} share it.
 */
final class WindowLogin {
    /** How often the store is read again while the window logs in. */
    static final Duration POLL = Duration.ofMillis(500);
    /** How long a window that is starting (it holds the lock, not yet answering) is given. */
    static final Duration STARTING_WINDOW_PATIENCE = Duration.ofSeconds(10);

    private final SessionService service;
    private final LoginSurroundings around;
    private final PrintStream out;
    private final PrintStream err;

    WindowLogin(SessionService service, LoginSurroundings around, PrintStream out, PrintStream err) {
        this.service = service;
        this.around = around;
        this.out = out;
        this.err = err;
    }

    int run(KiteProfile profile, Duration timeout) throws InterruptedException {
        Optional<ActiveSession> before;
        try {
            before = service.session(profile);
        } catch (SecretStoreException e) {
            return unreadable(profile, e);
        }
        Instant asked = service.clock().instant();
        List<String> request = LoginRequest.args(profile.id());
        boolean handed;
        try {
            handed = RunningWindow.handOff(around.windowFolder(), request, STARTING_WINDOW_PATIENCE);
        } catch (IOException e) {
            err.println(e.getMessage() + " Close that window (or end its process) and try again, or use"
                    + " `kite-session login --browser`.");
            return LoginCommand.INTERNAL_ERROR;
        }
        if (handed) {
            err.println("Kite Session Manager is running: its window now shows the Kite login for '" + profile.name()
                    + "'. Log in there; waiting up to " + LoginCommand.describe(timeout) + ".");
        } else if (!DesktopDisplay.available(around.env(), around.osName())) {
            err.println("No Kite Session Manager window runs here, and this session has no display to open one"
                    + " (neither DISPLAY nor WAYLAND_DISPLAY is set, as over SSH). Use `kite-session login --browser`:"
                    + " it prints an address to open in a browser on any computer, and takes the address the browser"
                    + " lands on when you paste it back.");
            return LoginCommand.USAGE;
        } else {
            try {
                around.windows().start(request);
            } catch (IOException e) {
                err.println("Kite Session Manager's window could not be started (" + e.getClass().getSimpleName()
                        + "). Start it yourself and log in there, or use `kite-session login --browser`.");
                return LoginCommand.INTERNAL_ERROR;
            }
            err.println("Started Kite Session Manager: log in to '" + profile.name() + "' in its window; waiting up to "
                    + LoginCommand.describe(timeout) + ".");
        }
        return awaitSession(profile, before, asked, timeout);
    }

    /** Reads the store every {@link #POLL} until a session newer than the request lands, or the time is up. */
    private int awaitSession(KiteProfile profile, Optional<ActiveSession> before, Instant asked, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        LoginOutcomes outcomes = new LoginOutcomes(service.dataFolder());
        boolean failureSaid = false;
        while (true) {
            Optional<ActiveSession> now;
            try {
                service.reload();
                now = service.session(profile);
            } catch (SecretStoreException e) {
                return unreadable(profile, e);
            }
            if (fresh(now, before, asked)) {
                out.println(now.get().accessToken());
                return LoginCommand.OK;
            }
            Optional<LoginOutcomes.Outcome> outcome = outcomes.last(profile.id())
                    .filter(o -> !o.at().isBefore(asked));
            if (outcome.isPresent() && outcome.get().kind() == LoginOutcomes.Kind.CANCELLED) {
                err.println("The login for '" + profile.name() + "' was cancelled in the window, so no token was printed."
                        + " Run the command again to log in.");
                return LoginCommand.NO_TOKEN;
            }
            if (outcome.isPresent() && !failureSaid) {
                failureSaid = true;
                err.println("The login for '" + profile.name() + "' failed in the window (it says why); still waiting"
                        + " for another try there.");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
        }
        err.println("No login for '" + profile.name() + "' came back from the window within "
                + LoginCommand.describe(timeout) + ". The window says what went wrong, if anything did; run the command"
                + " again to wait again.");
        return LoginCommand.TIMED_OUT;
    }

    /** A session other than the one before the request, logged in no earlier than it. */
    static boolean fresh(Optional<ActiveSession> now, Optional<ActiveSession> before, Instant asked) {
        if (now.isEmpty()) return false;
        if (before.isPresent() && before.get().accessToken().equals(now.get().accessToken())) return false;
        return !now.get().loginTime().isBefore(asked);
    }

    private int unreadable(KiteProfile profile, SecretStoreException e) {
        err.println("The session of '" + profile.name() + "' could not be read from " + service.secretStore().describe()
                + ": " + e.getMessage());
        return LoginCommand.SECRETS_UNREADABLE;
    }
}
