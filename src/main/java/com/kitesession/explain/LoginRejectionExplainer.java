package com.kitesession.explain;

import com.kitesession.clock.ClockOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The login page's refusals (wrong password, wrong 2FA code, blocked account) in plain words.
 * All three are the login layer: the person in the browser, not the program's API session.
 * Kite blocks an account after five wrong passwords or five wrong codes (Zerodha support), so
 * every explanation steers away from guessing again.
 */
final class LoginRejectionExplainer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'on' EEE d MMM", Locale.ENGLISH);

    Explanation explain(LoginRejection rejection, ZonedDateTime computerNow, Optional<ClockOffset> offset) {
        // No attempt left is a block in all but name: the next wrong one cannot happen.
        if (rejection.kind() == LoginRejection.Kind.BLOCKED || rejection.attemptsExhausted()) return blocked(rejection);
        return switch (rejection.kind()) {
            case CREDENTIALS -> credentials(rejection);
            case CODE -> code(rejection, computerNow, offset);
            case BLOCKED -> blocked(rejection);
        };
    }

    private static Explanation credentials(LoginRejection rejection) {
        return new Explanation(ErrorLayer.LOGIN, "Kite refused the user ID or password",
                "This is the first login step: Kite did not accept the user ID and password together."
                        + " It is not the 2FA code and not the API key. " + attemptsWarning(rejection, "passwords"),
                List.of("Check the Kite password stored in the profile: one-click login fills exactly what was stored,"
                                + " so an old or mistyped password is refused every time.",
                        "Or type the user ID and password by hand in the login page.",
                        "Forgotten it? Use \"Forgot user ID or password?\" on Kite's login page before guessing again."),
                FixAction.CHECK_LOGIN_DETAILS, rejection.pageMessage());
    }

    private static Explanation blocked(LoginRejection rejection) {
        return new Explanation(ErrorLayer.LOGIN, "Kite has blocked this account after too many failed logins",
                "Five wrong passwords or five wrong 2FA codes block a Kite account (Zerodha support confirms it)."
                        + " Until it is unblocked Kite accepts no password and no code, however right they are;"
                        + " the API key and this app are not the problem.",
                List.of("Unblock it with Kite's own credential reset: \"Forgot user ID or password?\" on the login page"
                                + " (" + LoginRejection.KITE_RESET_PAGE + "). Enter the user ID and PAN, then set a new"
                                + " password and 2FA.",
                        "The reset logs out every Kite session: every script's access token dies too, so each profile"
                                + " here must log in again afterwards.",
                        "If one-click login stored the old password, put the new one in the profile before logging in."),
                FixAction.OPEN_KITE_RESET, rejection.pageMessage());
    }

    /**
     * {@code computerNow} is this computer's clock and {@code offset} the trusted offset against
     * Kite's clock, if one could be measured.
     */
    private static Explanation code(LoginRejection rejection, ZonedDateTime computerNow, Optional<ClockOffset> offset) {
        String measured = offset.map(o -> " Measured: " + o.describe()
                        + (o.severity() == ClockOffset.Severity.OK
                                ? " So this computer's clock is fine: check the phone's clock, and that the code was"
                                        + " typed within its 30 seconds."
                                : " That alone makes codes computed here wrong."))
                .orElse(" This computer's clock could not be measured (Kite's clock has not answered yet, and a time server alone is not trusted): it reads "
                        + TIME.format(computerNow) + " " + computerNow.getZone().getId()
                        + "; compare it with a trusted clock (time.is).");
        List<String> fixes = new ArrayList<>();
        fixes.add("Your code was probably right but made on a clock that is off: a 2FA code is valid only for"
                + " its 30-second window, so a clock off by more than about 30 s makes every code wrong.");
        fixes.addAll(ClockFixSteps.ALL);
        fixes.add("Then wait for a fresh code and type it once. " + attemptsWarning(rejection, "codes")
                + " That is why this app never re-fills a rejected code.");
        return new Explanation(ErrorLayer.LOGIN, "Kite rejected the 2FA code: almost always a clock out of sync",
                "This is the login step, not your password and not the API key. The 6-digit code is computed"
                        + " from the time on the phone (or authenticator) and checked against Kite's clock."
                        + " The phone's clock matters as much as this computer's." + measured,
                fixes, FixAction.NONE, rejection.pageMessage());
    }

    /** E.g. "Kite blocks the account after five wrong codes; 4 attempts remain." */
    private static String attemptsWarning(LoginRejection rejection, String what) {
        return "Kite blocks the account after five wrong " + what
                + rejection.attemptsInWords().map(left -> "; " + left + ".").orElse(".");
    }
}
