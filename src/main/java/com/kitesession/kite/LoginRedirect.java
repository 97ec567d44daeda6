package com.kitesession.kite;

import java.util.Map;

/** What a URL the login browser navigated to means for us. See {@link RedirectParser}. */
public sealed interface LoginRedirect {

    /**
     * Kite sent the person back with a request token. {@code params} holds every query parameter
     * of the redirect (action, type, status, request_token, echoed redirect_params fields...),
     * unmodifiable, in the order they came.
     */
    record Success(String requestToken, Map<String, String> params) implements LoginRedirect {
        /** Masks the token: it is single-use, but can still be exchanged for a session for a few minutes. */
        @Override
        public String toString() {
            return "Success[requestToken=****, params=" + params.keySet() + "]";
        }
    }

    /** The person cancelled the login ({@code status=cancelled}); no token comes with it. */
    record Cancelled(Map<String, String> params) implements LoginRedirect {
        /** Names only, as in Success: a crafted cancel URL can carry a token or anything else in its values. */
        @Override
        public String toString() {
            return "Cancelled[params=" + params.keySet() + "]";
        }
    }

    /**
     * Our redirect URL, but unusable: success without a usable token, an unknown status or none.
     * {@code status} is as received (null when absent); {@code reason} is a sentence for a trader.
     */
    record Failed(String status, String reason) implements LoginRedirect {}

    /** Any URL that is not the registered redirect URL (Kite's own pages, malformed URLs, null). */
    record NotOurs() implements LoginRedirect {}
}
