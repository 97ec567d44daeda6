package com.kitesession.explain;

import com.kitesession.clock.ClockOffset;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteApiException.ErrorType;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteTime;
import com.kitesession.kite.LoginRedirect;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
        if (e instanceof KiteApiException api && endsSession(api)) {
            return sessionEnded(expiresAt != null && !now.isBefore(expiresAt), expiresAt, api.kiteMessage());
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

    /**
     * Kite could not be told of a logout, for the reason {@code why} (SessionService's logout
     * result): the token is kept, and the person may forget it on this computer only.
     */
    public Explanation explainLogoutFailed(Explanation why) {
        List<String> fixes = new ArrayList<>(why.fixes());
        fixes.add("Or forget the token on this computer only; Kite keeps it valid until its expiry.");
        return new Explanation(why.layer(), "Could not log out on Kite: " + afterColon(why.title()),
                why.why() + " The token is kept until you decide.", fixes, FixAction.FORGET_LOCALLY, why.kiteMessage());
    }

    /** The login page sent the person back with {@code status=cancelled}. */
    public Explanation explainCancelled() {
        return new Explanation(ErrorLayer.LOGIN, "The login was cancelled",
                "The Kite login page was closed with Cancel, so Kite issued no request_token. Nothing was changed.",
                List.of("Press Log in again when you are ready."), FixAction.RELOGIN, null);
    }

    /** A success redirect whose state is another login's: an old tab or address, never exchanged. */
    public Explanation explainOtherLoginsRedirect() {
        return new Explanation(ErrorLayer.LOGIN, "This redirect belongs to another, older login",
                "Kite sent the browser back with a state value this login did not make: the address comes from an"
                        + " earlier login, perhaps an old tab or a saved address. Its request_token was not used.",
                List.of("Use the newest login: its tab, or the address it lands on.",
                        "Close old Kite login tabs, then log in again if this login was closed."),
                FixAction.RELOGIN, null);
    }

    /** The system browser's redirect did not come back while the app waited for it. */
    public Explanation explainBrowserWaitOver(Duration waited) {
        return new Explanation(ErrorLayer.LOGIN, "No login came back from the browser",
                "The app waited " + waited.toMinutes() + " minutes for Kite to send your browser back to this profile's"
                        + " redirect URL, then stopped listening, so an old tab cannot deliver a token later.",
                List.of("If you did log in, paste the address the browser landed on (it starts with the redirect URL).",
                        "Otherwise log in again, with the browser or in this window."),
                FixAction.NONE, null);
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

    /** The embedded browser could not load the Kite login page {@code url} (null if not known). */
    public Explanation explainLoginPageNotLoaded(String url) {
        // The login URL's query holds the api_key and the login's state: not for the screen.
        String page = url == null || url.isBlank() ? "the login page" : url.split("[?#]", 2)[0];
        return new Explanation(ErrorLayer.LOGIN, "The Kite login page did not load",
                "The embedded browser could not open " + page
                        + ". This computer may be offline, or a firewall or proxy blocks kite.zerodha.com.",
                List.of("Check that this computer is online.", "Try again."), FixAction.RELOGIN, null);
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

    private static Explanation explainCommon(KiteException e) {
        if (e instanceof KiteApiException api) return explainKiteError(api);
        return TransportFailureExplainer.explain(e);
    }

    /** An error Kite reported in its JSON envelope, for any call. */
    private static Explanation explainKiteError(KiteApiException api) {
        if (api.isTooManyRequests()) {
            return new Explanation(ErrorLayer.API, "Too many requests to Kite",
                    "Kite allows about 10 requests a second for these calls; more are refused for a moment.",
                    List.of("Wait a second, then try again.", "If scripts poll Kite in a loop, slow them down."),
                    FixAction.RETRY, api.kiteMessage());
        }
        if (api.errorType() == ErrorType.INPUT) {
            return new Explanation(ErrorLayer.API, "Kite rejected the request as incomplete",
                    "A required field was missing or malformed: usually an empty api_key or request_token.",
                    List.of("Check the profile's api_key.", "Log in again."), FixAction.EDIT_PROFILE, api.kiteMessage());
        }
        // The name Kite sent, not GENERAL's: an error_type this app does not know is still shown as Kite wrote it.
        return new Explanation(ErrorLayer.API, "Kite reported an error (" + api.sentErrorType() + ")",
                "Kite answered HTTP " + api.httpStatus() + " and said what is quoted below.",
                List.of("Try again in a moment.", "If it persists, search the message on the kite.trade forum."),
                FixAction.RETRY, api.kiteMessage());
    }

    /** The settings file was found damaged at start-up; {@code problem} is SessionService.loadProblem()'s plain words. */
    public Explanation explainSettingsProblem(String problem) {
        return LocalProblemExplainer.settingsProblem(problem);
    }

    /**
     * A background task failed on this computer (the disk, the keychain, the secrets file). Only a
     * SecretStoreException's or IOException's message is shown; any other cause is named by its class.
     */
    public Explanation explainLocalFailure(Throwable cause) {
        return LocalProblemExplainer.localFailure(cause);
    }

    /** A bug of ours, not Kite's: still a message, never a stack trace. */
    public Explanation explainUnexpected(RuntimeException e) {
        return new Explanation(ErrorLayer.API, "Something unexpected went wrong in the app",
                "The app hit an internal error (" + e.getClass().getSimpleName() + ") while talking to Kite.",
                List.of("Try again.", "If it repeats, restart the app and report it with the time it happened."),
                FixAction.RETRY, null);
    }

    /** Kite no longer takes the access token: a TokenException, or a PermissionException about the token. */
    private static boolean endsSession(KiteApiException api) {
        return switch (api.errorType()) {
            case TOKEN -> true;
            case PERMISSION -> lower(api.kiteMessage()).contains("access_token");
            default -> false;
        };
    }

    /** A title read on after a colon: lower case at the start, unless it starts with the name Kite. */
    private static String afterColon(String title) {
        if (title.isEmpty() || title.startsWith("Kite")) return title;
        return title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
