package com.kitesession.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which login page the simulator serves at /connect/login. */
public enum LoginPageStyle {
    /** Kite today: one JavaScript page, both steps by XHR, the 2FA field without an id. */
    SPA,
    /** As {@link #SPA}, but the 2FA field reuses id="userid", as some Kite versions do. */
    SPA_USERID,
    /** The simulator's older plain forms, one page a step; they work without JavaScript. */
    CLASSIC,
    /** Single-page, after a redesign nobody knows yet: other ids, names and labels, no auto-submit. */
    RENAMED;

    /** The name on the command line: spa, spa-userid, classic, renamed. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The style named {@code cliName}; IllegalArgumentException naming the choices otherwise. */
    public static LoginPageStyle fromCliName(String cliName) {
        for (LoginPageStyle s : values()) {
            if (s.cliName().equals(cliName)) return s;
        }
        throw new IllegalArgumentException("--login-page must be one of "
                + Arrays.stream(values()).map(LoginPageStyle::cliName).collect(Collectors.joining(", ")) + ", not " + cliName);
    }
}
