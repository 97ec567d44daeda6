package com.kitesession.ui;

import com.kitesession.storage.AppSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** How the window names a profile's token export file, and when the file was last written. */
final class ExportFileFacts {
    private ExportFileFacts() {}

    /** When the export file was last written, or null (none, or not there). Blocks: off the FX thread. */
    static Instant writtenAt(AppSettings.TokenExport export) {
        if (export == null) return null;
        try {
            Path file = Path.of(export.path());
            return Files.exists(file) ? Files.getLastModifiedTime(file).toInstant() : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** "/home/me/kite.json (json)". */
    static String target(AppSettings.TokenExport export) {
        return export.path() + " (" + export.format().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** The editor's line about the export file; "" without one. */
    static String editorLine(AppSettings.TokenExport export) {
        return export == null ? "" : "On each login the token is written to " + target(export) + ".";
    }
}
