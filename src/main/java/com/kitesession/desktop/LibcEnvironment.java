package com.kitesession.desktop;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * This process's own C environment, which native libraries (GTK) read. Java can only read its
 * environment; JNA (already in the app for the keychain) calls libc's {@code setenv}. Whatever
 * {@link System#getenv()} returned before stays as it was, and so does what child processes get
 * (the JDK hands them its copy, taken at the first {@code System.getenv}).
 */
public final class LibcEnvironment {
    private LibcEnvironment() {}

    /** libc, as JNA maps it. */
    public interface Libc extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Sets {@code name} unless it is set already (the person's value wins); false where that
     * could not be done (no libc here, JNA missing). Call it before other threads read the
     * environment: {@code setenv} is not safe beside a concurrent {@code getenv}.
     */
    public static boolean setIfUnset(String name, String value) {
        try {
            return Native.load("c", Libc.class).setenv(name, value, 0) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
