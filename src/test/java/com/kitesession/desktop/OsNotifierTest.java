package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OsNotifierTest {
    private final List<List<String>> ran = new ArrayList<>();

    @Test
    void linuxUsesNotifySendWithTitleAndTextAsSeparateArguments() {
        OsNotifier notifier = OsNotifier.choose("Linux", name -> Optional.of(Path.of("/usr/bin", name)), ran::add);
        notifier.notify("Kite session expired", "Your session for $(rm -rf ~) expired at 06:00 IST.");
        assertEquals(List.of(List.of("/usr/bin/notify-send", "--app-name=Kite Session Manager", "--urgency=normal", "--",
                "Kite session expired", "Your session for $(rm -rf ~) expired at 06:00 IST.")), ran);
        assertEquals("notify-send", notifier.describe());
    }

    @Test
    void macUsesOsascriptWithTheTextEscapedAsAnAppleScriptString() {
        OsNotifier notifier = OsNotifier.choose("Mac OS X", name -> Optional.of(Path.of("/usr/bin", name)), ran::add);
        notifier.notify("Title \"quoted\"", "back\\slash\nnext line");
        assertEquals(List.of("/usr/bin/osascript", "-e",
                "display notification \"back\\\\slash next line\" with title \"Title \\\"quoted\\\"\""), ran.get(0));
    }

    @Test
    void withoutANotificationServiceNothingRuns() {
        OsNotifier notifier = OsNotifier.choose("Linux", name -> Optional.empty(), ran::add);
        assertSame(OsNotifier.NONE, notifier);
        notifier.notify("t", "x");
        assertEquals(List.of(), ran);
    }

    @Test
    void aFailingCommandIsSwallowed() {
        OsNotifier notifier = OsNotifier.choose("Linux", name -> Optional.of(Path.of("/nowhere/notify-send")), command -> {
            throw new IOException("No such file");
        });
        notifier.notify("t", "x"); // no exception: the in-window notification is still there
    }
}
