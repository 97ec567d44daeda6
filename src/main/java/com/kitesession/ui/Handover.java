package com.kitesession.ui;

import java.time.Instant;

/**
 * Where the shown session's token was handed to the trader's programs: the clipboard (when, and
 * after how many seconds it is cleared; 0 = never) and the profile's export file (where, and
 * when it was last written, or why it could not be). Nulls: not handed that way.
 */
record Handover(Instant copiedAt, int clipboardClearSeconds, String exportTarget, Instant exportWrittenAt,
        String exportProblem) {
    static final Handover NONE = new Handover(null, 0, null, null, null);

    Handover copied(Instant at, int clearSeconds) {
        return new Handover(at, clearSeconds, exportTarget, exportWrittenAt, exportProblem);
    }

    static Handover export(String target, Instant writtenAt, String problem) {
        return new Handover(null, 0, target, writtenAt, problem);
    }
}
