package com.kitesession.desktop;

import com.kitesession.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An autostart entry that is one text file: on while the file is there. */
abstract class EntryFileAutostart implements Autostart {
    private final Path file;
    final Launcher launcher;

    EntryFileAutostart(Path file, Launcher launcher) {
        this.file = file;
        this.launcher = launcher;
    }

    /** The file's text, exactly. */
    abstract String entry();

    @Override
    public final boolean isOn() {
        return Files.isRegularFile(file);
    }

    @Override
    public final void set(boolean on) throws IOException {
        try {
            if (on) AtomicFiles.write(file, entry());
            else Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IOException((on ? "Could not write " : "Could not remove ") + file + " (" + e.getMessage()
                    + "). Check that " + file.getParent() + " is yours and writable, then save Preferences again.", e);
        }
    }

    @Override
    public final String where() {
        return file.toString();
    }
}
