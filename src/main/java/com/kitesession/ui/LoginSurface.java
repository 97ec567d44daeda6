package com.kitesession.ui;

import com.kitesession.explain.LoginRejection;
import com.kitesession.login.AutofillPlan;
import com.kitesession.login.LoginAttempt;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where a login's Kite page is shown: the embedded {@link LoginBrowser} in the app, a recording
 * fake in presenter tests.
 */
interface LoginSurface {
    /**
     * Opens {@code attempt}'s login page. Reports Kite's in-page refusals, a page that did not
     * load (its address, or null) and notices for the person (autofill did not apply).
     */
    void start(LoginAttempt attempt, AutofillPlan autofill, Consumer<LoginRejection> onRejection,
            Consumer<String> onLoadFailure, Consumer<String> onNotice);

    /** Leaves the login page; an attempt in progress is dropped. */
    void stop();

    /** Gets the browser ready for a first login, once; later calls do nothing. */
    void warmUp();

    /** Forgets Kite's login cookies; false when they could not be reached (they last until quit). */
    boolean clearCookies();

    /** Removes the browser's stored page data from disk. Blocks: off the FX thread. */
    void clearStoredData() throws IOException;
}
