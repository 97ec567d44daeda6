package com.kitesession.cli;

import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code token [--profile NAME] [--check]}: prints only the profile's live access token, for
 * scripts ({@code export KITE_ACCESS_TOKEN=$(kite-session token)}). The profile is found by name
 * (any case) or id; without one, the default profile, else the only one.
 * {@code --check} first asks Kite ({@code GET /user/profile}) whether the token still works.
 * Exit codes: 0 token printed; 2 usage; 3 no live token (expired, not logged in, refused);
 * 4 could not reach Kite to check (token not printed); 5 the secret store could not be read;
 * 1 an internal error.
 */
public final class TokenCommand {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int NO_LIVE_TOKEN = 3;
    public static final int NOT_CHECKED = 4;
    public static final int SECRETS_UNREADABLE = 5;

    private TokenCommand() {}

    public static int run(String[] args, CliContext context, PrintStream out, PrintStream err) {
        try {
            return tokenOrReason(args, context, out, err);
        } catch (RuntimeException e) {
            // A bug of ours: a plain line, never a stack trace (and never a message that might hold data).
            err.println("token: an internal error (" + e.getClass().getSimpleName() + ") stopped the command; no token was printed.");
            return INTERNAL_ERROR;
        }
    }

    private static int tokenOrReason(String[] args, CliContext context, PrintStream out, PrintStream err) {
        CommandFlags flags;
        try {
            flags = CommandFlags.parse(args, Set.of("--profile"), Set.of("--check"));
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
        SessionService.CheckResult result;
        try {
            result = service.check(profile);
        } catch (IllegalArgumentException | IOException | SecretStoreException e) {
            // A malformed API address in the profile, or the verdict could not be saved; no token in these messages.
            err.println("Could not check the session for '" + profile.name() + "': " + e.getMessage()
                    + " The token was not checked, so it was not printed.");
            return NOT_CHECKED;
        }
        if (result.verdict() == LivenessVerdict.LIVE) return OK;
        if (result.verdict() == LivenessVerdict.REFUSED) {
            err.println("Kite refused the session for '" + profile.name() + "', so no token was printed.");
            err.print(result.explanation().toPlainText());
            return NO_LIVE_TOKEN;
        }
        err.println("Could not reach Kite to check the session for '" + profile.name()
                + "'; the token was not checked, so it was not printed.");
        if (result.explanation() != null) err.print(result.explanation().toPlainText());
        return NOT_CHECKED;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("token: " + problem);
        err.println("usage: kite-session token [--profile NAME] [--check]");
        return USAGE;
    }
}
