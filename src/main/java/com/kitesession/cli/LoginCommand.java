package com.kitesession.cli;

import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code login [--profile NAME] [--browser] [--timeout 10m]}: logs in to Kite and prints only the
 * new access token ({@code export KITE_ACCESS_TOKEN=$(kite-session login --browser)}). The
 * profile is chosen as {@code token} chooses it. Without {@code --browser} the window logs in
 * ({@link WindowLogin}); with it, the command itself, through any browser ({@link BrowserLogin}).
 * Either way the session is stored as the window stores it.
 * Exit codes, as {@code token}'s plus 6: 0 logged in, token printed; 2 usage (also: the profile
 * cannot log in as saved, or no window can open here without {@code --browser}); 3 no token (the
 * login was cancelled, or Kite refused it); 4 Kite could not be reached for the exchange; 5 the
 * secret store could not be read (or the new session not saved: its token is printed all the
 * same); 6 no login came back in time; 1 an internal error, or the window could not be started.
 */
public final class LoginCommand {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int NO_TOKEN = 3;
    public static final int KITE_UNREACHABLE = 4;
    public static final int SECRETS_UNREADABLE = 5;
    public static final int TIMED_OUT = 6;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    static final Duration LONGEST_TIMEOUT = Duration.ofHours(24);
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,5})([smh])");

    private LoginCommand() {}

    public static int run(String[] args, CliContext context, LoginSurroundings around, PrintStream out, PrintStream err) {
        try {
            return login(args, context, around, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("login: stopped while waiting; no token was printed.");
            return INTERNAL_ERROR;
        } catch (RuntimeException e) {
            // A bug of ours: a plain line, never a stack trace (and never a message that might hold data).
            err.println("login: an internal error (" + e.getClass().getSimpleName() + ") stopped the command; no token"
                    + " was printed.");
            return INTERNAL_ERROR;
        }
    }

    private static int login(String[] args, CliContext context, LoginSurroundings around, PrintStream out, PrintStream err)
            throws InterruptedException {
        CommandFlags flags;
        Duration timeout;
        try {
            flags = CommandFlags.parse(args, Set.of("--profile", "--timeout"), Set.of("--browser"));
            timeout = flags.has("--timeout") ? timeout(flags.value("--timeout")) : DEFAULT_TIMEOUT;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        SessionService service = context.sessionService();
        service.loadProblem().ifPresent(p -> err.println("Note: " + p));
        KiteProfile profile;
        try {
            profile = ProfileChoice.choose(service.settings(), flags.value("--profile"));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (flags.has("--browser")) return new BrowserLogin(service, context.http(), around, out, err).run(profile, timeout);
        return new WindowLogin(service, around, out, err).run(profile, timeout);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}: a whole number of seconds, minutes or hours, from 1 s to 24 h. */
    static Duration timeout(String text) {
        Matcher m = TIMEOUT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--timeout is a whole number of seconds, minutes or hours such as 90s,"
                    + " 10m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        Duration timeout = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("--timeout must be between 1s and 24h");
        }
        return timeout;
    }

    /** "10 minutes", "90 seconds", "1 hour": how the messages say a wait. */
    static String describe(Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds % 3600 == 0) return plural(seconds / 3600, "hour");
        if (seconds % 60 == 0) return plural(seconds / 60, "minute");
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("login: " + problem);
        err.println("usage: kite-session login [--profile NAME] [--browser] [--timeout 10m]");
        return USAGE;
    }
}
