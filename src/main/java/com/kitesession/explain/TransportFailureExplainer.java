package com.kitesession.explain;

import com.kitesession.kite.KiteAnswerTooLargeException;
import com.kitesession.kite.KiteConnectionException;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteRedirectException;
import com.kitesession.kite.KiteTimeoutException;
import com.kitesession.kite.KiteUnexpectedResponseException;
import java.util.List;

/**
 * A call to Kite that got no answer from Kite's API: a timeout, no connection, a redirect, an
 * answer too large or not Kite's JSON. Nothing here is about the token, so every fix is a retry.
 */
final class TransportFailureExplainer {
    private TransportFailureExplainer() {}

    static Explanation explain(KiteException e) {
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
        return new Explanation(ErrorLayer.API, "Something went wrong talking to Kite",
                e.getMessage() == null ? "An unexpected error." : e.getMessage(),
                List.of("Try again."), FixAction.RETRY, null);
    }
}
