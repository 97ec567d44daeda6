package com.kitesession.ui;

import java.time.Instant;

/**
 * Where the shown session's token was handed to the trader's programs: the clipboard (when, and
 * after how many seconds it is cleared; 0 = never) and the profile's export file (where, and
 * when it was last written, or why it could not be), and the command run after login (how it
 * ended). Nulls: not handed that way.
 */
record Handover(Instant copiedAt, int clipboardClearSeconds, String exportTarget, Instant exportWrittenAt,
        String exportProblem, String afterLogin) {
    static final Handover NONE = new Handover(null, 0, null, null, null, null);

    Handover copied(Instant at, int clearSeconds) {
        return new Handover(at, clearSeconds, exportTarget, exportWrittenAt, exportProblem, afterLogin);
    }

    /** With the "After login" row's text: the command running, or how it ended (masked). */
    Handover afterLogin(String text) {
        return new Handover(copiedAt, clipboardClearSeconds, exportTarget, exportWrittenAt, exportProblem, text);
    }

    static Handover export(String target, Instant writtenAt, String problem) {
        return new Handover(null, 0, target, writtenAt, problem, null);
    }
}
