package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClipboardGuardTest {
    private String content;
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final ClipboardGuard guard = new ClipboardGuard(new ClipboardGuard.Clipboard() {
        @Override
        public Optional<String> text() {
            return Optional.ofNullable(content);
        }

        @Override
        public void setText(String text) {
            content = text;
        }

        @Override
        public void clear() {
            content = null;
        }
    }, (delay, task) -> {
        delays.add(delay);
        scheduled.add(task);
    });

    @Test
    void clearsOurTokenAfterTheDelay() {
        guard.copy("token123", Duration.ofSeconds(30));
        assertEquals("token123", content);
        assertEquals(List.of(Duration.ofSeconds(30)), delays);
        scheduled.get(0).run();
        assertEquals(null, content);
    }

    @Test
    void leavesWhateverThePersonCopiedSince() {
        guard.copy("token123", Duration.ofSeconds(30));
        content = "an order id the person copied";
        scheduled.get(0).run();
        assertEquals("an order id the person copied", content);
    }

    @Test
    void noDelayMeansNeverCleared() {
        guard.copy("token123", Duration.ZERO);
        assertTrue(scheduled.isEmpty());
        assertEquals("token123", content);
    }
}
