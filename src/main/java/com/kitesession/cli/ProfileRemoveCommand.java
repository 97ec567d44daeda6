package com.kitesession.cli;

import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code profile remove NAME|ID [--yes]}: removes the profile and every secret filed under it
 * (api_secret, access token, one-click login secrets), as the window's Delete does. Without
 * {@code --yes} the person at the terminal confirms; with no terminal it refuses (exit 2): a
 * script says {@code --yes}.
 */
final class ProfileRemoveCommand {
    private static final Logger LOG = Logger.getLogger(ProfileRemoveCommand.class.getName());
    static final String USAGE = "kite-session profile remove NAME|ID [--yes]";

    private ProfileRemoveCommand() {}

    static int run(String[] args, CliContext context, CommandInput input, PrintStream out, PrintStream err) {
        List<String> named = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        CommandFlags flags;
        try {
            flags = CommandFlags.parse(Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new),
                    Set.of(), Set.of("--yes"));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (named.isEmpty()) return usage(err, "give the name or the id of the profile to remove");
        if (named.size() > 1) return usage(err, "give one profile at a time (a name with spaces goes in quotes)");

        SessionService service = context.sessionService();
        service.loadProblem().ifPresent(p -> err.println("Note: " + p));
        KiteProfile profile;
        try {
            profile = ProfileChoice.choose(service.settings(), named.get(0));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        String which = "'" + profile.name() + "' (id " + profile.id() + ")";
        if (!flags.has("--yes")) {
            if (input.terminal().isEmpty()) {
                return usage(err, "there is no terminal to confirm on, so nothing was removed; add --yes to remove "
                        + which + " without asking");
            }
            String answer = input.terminal().get().readLine("Remove profile " + which
                    + " with its stored api_secret and tokens? [y/N] ");
            if (answer == null || !Set.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                out.println("Nothing was removed.");
                return ProfileCommand.OK;
            }
        }
        boolean wasDefault = profile.id().equals(service.settings().defaultProfileId);
        try {
            service.deleteProfile(profile);
        } catch (SecretStoreException e) {
            err.println("The secrets of " + which + " could not be removed from the " + context.secrets().describe() + ": "
                    + e.getMessage() + ProfileCommand.unlockHint(context.secrets()) + " The profile was kept.");
            return ProfileCommand.SECRETS_UNREADABLE;
        } catch (IOException e) {
            err.println("The secrets of " + which + " were removed, but the profile could not be taken out of the settings in "
                    + service.dataFolder() + " (" + e.getClass().getSimpleName()
                    + "). Check that the folder is yours and writable, then run this again.");
            return ProfileCommand.FAILED;
        }
        LOG.info(() -> "profile remove: removed profile " + profile.id());
        out.println("Removed profile " + which + " and its secrets.");
        if (wasDefault && service.settings().profiles.size() > 1) {
            err.println("Note: it was the default profile and none is now: give `kite-session token` a --profile,"
                    + " or choose a default in Kite Session Manager.");
        }
        return ProfileCommand.OK;
    }

    private static int usage(PrintStream err, String problem) {
        return ProfileCommand.usage(err, "remove", problem, USAGE);
    }
}
