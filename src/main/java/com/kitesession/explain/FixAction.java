package com.kitesession.explain;

/** The one button an explanation offers next to its fix steps. */
public enum FixAction {
    /** Start the Kite login again (a new request_token). */
    RELOGIN("Log in again"),
    /** Re-enter the api_secret in the profile, then log in again. */
    EDIT_SECRET("Check the api_secret"),
    /** Re-enter the profile's api_key or redirect URL. */
    EDIT_PROFILE("Check the profile"),
    /** Repeat what failed (a verify, or the login for a network error). */
    RETRY("Try again"),
    /** Wipe the token on this computer although Kite could not be told (logout while offline). */
    FORGET_LOCALLY("Forget the token on this computer"),
    /** Go to the stored Kite user ID and password (one-click login fills exactly what is stored). */
    CHECK_LOGIN_DETAILS("Check the stored user ID and password"),
    /** Go to the profile's "Run after login" command. */
    EDIT_AFTER_LOGIN("Check the command"),
    /** Open Kite's own credential reset in the system browser: the only way to unblock an account. */
    OPEN_KITE_RESET("Open Kite's reset page"),
    /** Nothing to press: the person fixes it in the login page itself. */
    NONE("");

    private final String label;

    FixAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
