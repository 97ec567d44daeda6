package com.kitesession.explain;

import com.kitesession.clock.ClockOffset;
import com.kitesession.kite.InputException;
import com.kitesession.kite.KiteAnswerTooLargeException;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteConnectionException;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteRedirectException;
import com.kitesession.kite.KiteTime;
import com.kitesession.kite.KiteTimeoutException;
import com.kitesession.kite.KiteUnexpectedResponseException;
import com.kitesession.kite.LoginRedirect;
import com.kitesession.kite.NetworkException;
import com.kitesession.kite.PermissionException;
import com.kitesession.kite.TokenException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns every failure into an {@link Explanation}: which layer, why in plain words, the fix.
 * Kite's messages are matched loosely (lower case, key words) because their exact wording is
 * not an API; anything unrecognised still gets a general explanation with Kite's own text.
 */
public final class ErrorExplainer {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'on' EEE d MMM", Locale.ENGLISH);
    private final LoginRejectionExplainer loginRejections = new LoginRejectionExplainer();

    /** A failure of {@code POST /session/token}, the request_token exchange. */
    public Explanation explainExchange(KiteException e) {
        if (e instanceof KiteApiException api) {
            String message = lower(api.kiteMessage());
            if (message.contains("checksum")) {
                return new Explanation(ErrorLayer.API, "The api_secret does not match this Kite app",
                        "Kite checks a SHA-256 checksum made from the api_key, the request_token and the api_secret."
                                + " It did not match, so the api_secret entered here is not the app's current secret.",
                        List.of("Open developers.kite.trade > My apps > this app and copy the API secret again"
                                        + " (if you regenerated it, the old one no longer works).",
                                "Paste it into the profile's api_secret field, without spaces.",
                                "Log in again: each login gives a new request_token."),
                        FixAction.EDIT_SECRET, api.kiteMessage());
            }
            if (message.contains("token is invalid") || message.contains("expired")) {
                return new Explanation(ErrorLayer.API, "The request_token was already used or is too old",
                        "A request_token works once, and only for a few minutes after the login."
                                + " This one was exchanged before, or the exchange came too late.",
                        List.of("Log in again to get a fresh request_token; the app exchanges it at once.",
                                "If a script also exchanges tokens from this redirect, let only one of them do it."),
                        FixAction.RELOGIN, api.kiteMessage());
            }
            if (message.contains("api_key")) {
                return new Explanation(ErrorLayer.API, "Kite does not know this api_key",
                        "The api_key in the profile is not a Kite Connect app Kite recognises.",
                        List.of("Copy the API key from developers.kite.trade > My apps and paste it into the profile.",
                                "Check that the app's subscription is active."),
                        FixAction.EDIT_PROFILE, api.kiteMessage());
            }
        }
        return explainCommon(e);
    }

    /**
     * A failure of a call made with the access token (the liveness check). {@code expiresAt}
     * and {@code now} let a 403 say whether the daily 06:00 expiry already explains it.
     */
    public Explanation explainApiCall(KiteException e, ZonedDateTime expiresAt, ZonedDateTime now) {
        if (e instanceof TokenException || e instanceof PermissionException && isSessionMessage(e)) {
            String kiteMessage = ((KiteApiException) e).kiteMessage();
            return sessionEnded(expiresAt != null && !now.isBefore(expiresAt), expiresAt, kiteMessage);
        }
        return explainCommon(e);
    }

    /** The countdown reached the daily expiry: the app knows without asking Kite. */
    public Explanation explainExpired(ZonedDateTime expiresAt) {
        return sessionEnded(true, expiresAt, null);
    }

    private Explanation sessionEnded(boolean pastExpiry, ZonedDateTime expiresAt, String kiteMessage) {
        List<String> fixes = List.of(
                "Log in again: that gives a new access token (scripts must then use the new one).",
                "If it dies again soon after logging in: check you did not log out of Kite web"
                        + " (a master logout kills every session), log in from another Kite Connect app or script,"
                        + " or regenerate the api_secret.",
                "Check that the Kite Connect app's subscription is still active on developers.kite.trade.");
        String why = pastExpiry
                ? "Every Kite access token expires at the daily cut-off (06:00 IST, a regulatory rule) after login."
                        + " This one expired at " + TIME.format(expiresAt.withZoneSameInstant(KiteTime.IST)) + " IST."
                : "Kite no longer accepts this access token although its 06:00 IST expiry has not come."
                        + " Tokens die early on an API logout, a master logout on Kite web, a login to another"
                        + " Kite instance, a regenerated api_secret, or a lapsed subscription.";
        return new Explanation(ErrorLayer.API,
                pastExpiry ? "The session expired at " + HOUR.format(expiresAt.withZoneSameInstant(KiteTime.IST)) + " IST"
                        : "The session was ended early",
                why, fixes, FixAction.RELOGIN, kiteMessage);
    }

    /** The login page sent the person back with {@code status=cancelled}. */
    public Explanation explainCancelled() {
        return new Explanation(ErrorLayer.LOGIN, "The login was cancelled",
                "The Kite login page was closed with Cancel, so Kite issued no request_token. Nothing was changed.",
                List.of("Press Log in again when you are ready."), FixAction.RELOGIN, null);
    }

    /** The redirect came back to our URL but without a usable request_token. */
    public Explanation explainFailedRedirect(LoginRedirect.Failed failed) {
        return new Explanation(ErrorLayer.LOGIN, "Kite came back without a usable request_token",
                failed.reason(),
                List.of("Log in again.",
                        "If it repeats, check that the redirect URL registered for the app on developers.kite.trade"
                                + " is exactly the one in this profile."),
                FixAction.RELOGIN, null);
    }

    /** Kite redirected the login to {@code actual}, which is not this profile's redirect URL. */
    public Explanation explainRedirectMismatch(String actual, String expected) {
        return new Explanation(ErrorLayer.LOGIN, "Kite sent the login to a different redirect URL",
                "After the login Kite redirected to " + actual + ", but this profile's redirect URL is " + expected
                        + ". The app only catches the URL it was given, so it did not use the request_token from"
                        + " the other one.",
                List.of("On developers.kite.trade > My apps > this app, copy the Redirect URL exactly and paste it"
                                + " into the profile (scheme, host, port and path must match).",
                        "Or change the app's registered Redirect URL to " + expected + ".",
                        "Then log in again."),
                FixAction.EDIT_PROFILE, null);
    }

    /**
     * The login page refused the person: a wrong user ID or password, a wrong 2FA code, or a
     * blocked account. {@code computerNow} is this computer's clock and {@code offset} the
     * measured offset against Kite's clock, if one could be measured (it explains wrong codes).
     */
    public Explanation explainLoginRejection(LoginRejection rejection, ZonedDateTime computerNow,
            Optional<ClockOffset> offset) {
        return loginRejections.explain(rejection, computerNow, offset);
    }

    private Explanation explainCommon(KiteException e) {
        if (e instanceof KiteTimeoutException) {
            return new Explanation(ErrorLayer.API, "Kite did not answer in time",
                    "The request to Kite timed out: a slow or interrupted connection, or Kite under load"
                            + " (often just before 09:15 IST).",
                    List.of("Check the internet connection and try again.",
                            "If a request_token was involved and a minute has passed, log in again."),
                    FixAction.RETRY, null);
        }
        if (e instanceof KiteConnectionException connection) {
            // The host actually tried: a profile pointing at the wrong address must be visible as such.
            String host = connection.host() == null ? "api.kite.trade" : connection.host();
            return new Explanation(ErrorLayer.API, "Cannot reach Kite at " + host,
                    "The connection to Kite's API at " + host + " failed before it answered: no internet,"
                            + " a firewall or proxy, a DNS problem, or a wrong API address in the profile.",
                    List.of("Check that this computer is online (open any web page).",
                            "If you use a VPN, proxy or firewall, allow " + host + ".",
                            "Check the profile's API address (Kite's is https://api.kite.trade).",
                            "Try again."),
                    FixAction.RETRY, null);
        }
        if (e instanceof KiteRedirectException redirect) {
            return new Explanation(ErrorLayer.API, "The Kite API address answered with a redirect",
                    "Kite's API never redirects, but " + redirect.host() + " answered HTTP " + redirect.httpStatus()
                            + " pointing elsewhere. The app did not follow it, so nothing was sent to the other"
                            + " address. A Wi-Fi sign-in page, a proxy or a wrong API address in the profile does this.",
                    List.of("Check the profile's API address: Kite's is https://api.kite.trade.",
                            "On hotel, office or public Wi-Fi, open any web page and finish its sign-in first.",
                            "Try again (if a login was being exchanged, log in again for a fresh request_token)."),
                    FixAction.RETRY, null);
        }
        if (e instanceof KiteAnswerTooLargeException tooLarge) {
            return new Explanation(ErrorLayer.API, "Kite's answer was too large",
                    tooLarge.host() + " sent more than 1 MiB, where Kite's answers to this call are a few hundred"
                            + " bytes. The app stopped reading it: this is not Kite's usual answer, more likely a"
                            + " proxy or a wrong API address.",
                    List.of("Check the profile's API address: Kite's is https://api.kite.trade.",
                            "Wait a minute and try again."),
                    FixAction.RETRY, null);
        }
        if (e instanceof KiteUnexpectedResponseException unexpected) {
            return new Explanation(ErrorLayer.API, "Kite sent a page instead of data",
                    "Kite's server answered HTTP " + unexpected.httpStatus() + " with something that is not its"
                            + " usual JSON, typically a gateway or maintenance page while Kite is having trouble.",
                    List.of("Wait a minute and try again.", "Check Kite's status on kite.trade or Zerodha's social channels."),
                    FixAction.RETRY, null);
        }
        if (e instanceof NetworkException api && api.httpStatus() == 429) {
            return new Explanation(ErrorLayer.API, "Too many requests to Kite",
                    "Kite allows about 10 requests a second for these calls; more are refused for a moment.",
                    List.of("Wait a second, then try again.", "If scripts poll Kite in a loop, slow them down."),
                    FixAction.RETRY, api.kiteMessage());
        }
        if (e instanceof InputException api) {
            return new Explanation(ErrorLayer.API, "Kite rejected the request as incomplete",
                    "A required field was missing or malformed: usually an empty api_key or request_token.",
                    List.of("Check the profile's api_key.", "Log in again."), FixAction.EDIT_PROFILE, api.kiteMessage());
        }
        if (e instanceof KiteApiException api) {
            return new Explanation(ErrorLayer.API, "Kite reported an error (" + api.errorType() + ")",
                    "Kite answered HTTP " + api.httpStatus() + " and said what is quoted below.",
                    List.of("Try again in a moment.", "If it persists, search the message on the kite.trade forum."),
                    FixAction.RETRY, api.kiteMessage());
        }
        return new Explanation(ErrorLayer.API, "Something went wrong talking to Kite",
                e.getMessage() == null ? "An unexpected error." : e.getMessage(),
                List.of("Try again."), FixAction.RETRY, null);
    }

    /** A bug of ours, not Kite's: still a message, never a stack trace. */
    public Explanation explainUnexpected(RuntimeException e) {
        return new Explanation(ErrorLayer.API, "Something unexpected went wrong in the app",
                "The app hit an internal error (" + e.getClass().getSimpleName() + ") while talking to Kite.",
                List.of("Try again.", "If it repeats, restart the app and report it with the time it happened."),
                FixAction.RETRY, null);
    }

    private static boolean isSessionMessage(KiteException e) {
        return lower(((KiteApiException) e).kiteMessage()).contains("access_token");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
