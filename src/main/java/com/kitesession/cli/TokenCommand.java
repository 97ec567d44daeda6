package com.kitesession.cli;

import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/**
 * {@code token [--profile NAME] [--check | --wait [--timeout 15m]]}: prints only the profile's live access token, for
 * scripts ({@code export KITE_ACCESS_TOKEN=$(kite-session token)}). The profile is found by name
 * (any case) or id; without one, the default profile, else the only one.
 * {@code --check} first asks Kite ({@code GET /user/profile}) whether the token still works.
 * Exit codes: 0 token printed; 2 usage; 3 no live token (expired, not logged in, refused);
 * 4 could not reach Kite to check (token not printed); 5 the secret store could not be read;
 * 1 an internal error. {@code --wait} ({@link TokenWait}): a token Kite confirms is printed at
 * once, else the window logs in and the fresh token is printed; exit codes as {@code login}'s:
 * 3 the login was cancelled in the window, 6 none came in time, 2 also when no window can open
 * here (use {@code login --browser}), 1 also when the window could not be started.
 */
public final class TokenCommand {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int NO_LIVE_TOKEN = 3;
    public static final int NOT_CHECKED = 4;
    public static final int SECRETS_UNREADABLE = 5;
    public static final int TIMED_OUT = 6;
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(15);

    private TokenCommand() {}

    public static int run(String[] args, CliContext context, PrintStream out, PrintStream err) {
        return run(args, context, null, out, err);
    }

    /** {@code around}: where {@code --wait} finds the window; null where none may be asked (then no --wait). */
    public static int run(String[] args, CliContext context, LoginSurroundings around, PrintStream out, PrintStream err) {
        try {
            return tokenOrReason(args, context, around, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("token: stopped while waiting; no token was printed.");
            return INTERNAL_ERROR;
        } catch (RuntimeException e) {
            // A bug of ours: a plain line, never a stack trace (and never a message that might hold data).
            err.println("token: an internal error (" + e.getClass().getSimpleName() + ") stopped the command; no token was printed.");
            return INTERNAL_ERROR;
        }
    }

    private static int tokenOrReason(String[] args, CliContext context, LoginSurroundings around, PrintStream out,
            PrintStream err) throws InterruptedException {
        CommandFlags flags;
        Duration timeout;
        try {
            flags = CommandFlags.parse(args, Set.of("--profile", "--timeout"), Set.of("--check", "--wait"));
            if (flags.has("--timeout") && !flags.has("--wait")) throw new IllegalArgumentException("--timeout goes with --wait");
            if (flags.has("--check") && flags.has("--wait")) {
                throw new IllegalArgumentException("--wait checks the token itself; leave out --check");
            }
            if (flags.has("--wait") && around == null) throw new IllegalArgumentException("--wait is not available here");
            timeout = flags.has("--timeout") ? LoginCommand.timeout(flags.value("--timeout")) : DEFAULT_WAIT;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        String wanted = flags.value("--profile");
        boolean check = flags.has("--check");

        SessionService service = context.sessionService();
        service.loadProblem().ifPresent(p -> err.println("Note: " + p));
        KiteProfile profile;
        try {
            profile = ProfileChoice.choose(service.settings(), wanted);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }

        ProfileSession session;
        try {
            session = ProfileSession.all(service, true).stream()
                    .filter(s -> s.profile().id().equals(profile.id())).findFirst().orElseThrow();
        } catch (SecretStoreException e) {
            err.println("The access token for '" + profile.name() + "' could not be read from "
                    + context.secrets().describe() + ": " + e.getMessage());
            return SECRETS_UNREADABLE;
        }
        if (flags.has("--wait")) return new TokenWait(service, around, out, err).run(session, timeout);
        if (!session.live()) {
            err.println(session.whyNoToken());
            return NO_LIVE_TOKEN;
        }
        if (check) {
            int verdict = check(session, service, err);
            if (verdict != OK) return verdict;
        }
        out.println(session.token());
        return OK;
    }

    /** Asks Kite (through the same check the window makes); OK when the token works, else the exit code. */
    private static int check(ProfileSession session, SessionService service, PrintStream err) {
        KiteProfile profile = session.profile();
        SessionService.CheckResult result = ask(profile, service, err);
        if (result == null) return NOT_CHECKED;
        if (result.verdict() == LivenessVerdict.LIVE) return OK;
        if (result.verdict() == LivenessVerdict.REFUSED) {
            err.println("Kite refused the session for '" + profile.name() + "', so no token was printed.");
            err.print(result.explanation().toPlainText());
            return NO_LIVE_TOKEN;
        }
        return unreachable(profile, result, err);
    }

    /** Kite's verdict on the profile's token ({@code GET /user/profile}); null when it could not be asked (said on err). */
    static SessionService.CheckResult ask(KiteProfile profile, SessionService service, PrintStream err) {
        try {
            return service.check(profile);
        } catch (IllegalArgumentException | IOException | SecretStoreException e) {
            // A malformed API address in the profile, or the verdict could not be saved; no token in these messages.
            err.println("Could not check the session for '" + profile.name() + "': " + e.getMessage()
                    + " The token was not checked, so it was not printed.");
            return null;
        }
    }

    /** Says Kite could not be reached for {@code result}; the exit code. */
    static int unreachable(KiteProfile profile, SessionService.CheckResult result, PrintStream err) {
        err.println((result.rateLimited() ? "Kite was too busy (too many requests) to check the session for '"
                : "Could not reach Kite to check the session for '") + profile.name()
                + "'; the token was not checked, so it was not printed.");
        if (result.explanation() != null) err.print(result.explanation().toPlainText());
        return NOT_CHECKED;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("token: " + problem);
        err.println("usage: kite-session token [--profile NAME] [--check | --wait [--timeout 15m]]");
        return USAGE;
    }
}
