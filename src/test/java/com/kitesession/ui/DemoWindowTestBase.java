package com.kitesession.ui;

import com.kitesession.service.SessionService;

/** The window with nothing saved: it offers the demo profile against the built-in simulator. */
abstract class DemoWindowTestBase extends WindowTestBase {
    @Override
    final void beforeWindow(SessionService sessions) {
        // Nothing saved: the demo, with its password and 2FA secret stored for one-click.
    }
}
