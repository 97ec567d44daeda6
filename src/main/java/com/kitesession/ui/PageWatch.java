package com.kitesession.ui;

import com.kitesession.login.PageWatchPace;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * The login page's watch: reads the page on the FX thread at the pace {@link PageWatchPace} sets,
 * briskly after the page loaded or the person clicked or typed in it (Kite answers those without a
 * page load), every 300 ms otherwise.
 */
final class PageWatch {
    private final PageWatchPace pace = new PageWatchPace();
    private final Timeline ticks;

    PageWatch(Runnable readPage) {
        ticks = new Timeline(new KeyFrame(Duration.millis(PageWatchPace.BASE_TICK_MS), e -> {
            if (pace.readOnTick()) readPage.run();
        }));
        ticks.setCycleCount(Timeline.INDEFINITE);
    }

    /** Clicks and keys in {@code page} count as activity. */
    void watchInput(Node page) {
        page.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> pace.activity());
        page.addEventFilter(KeyEvent.KEY_RELEASED, e -> pace.activity());
    }

    /** The page loaded (or a login starts): read briskly for a while. */
    void activity() {
        pace.activity();
    }

    void start() {
        pace.activity();
        ticks.play();
    }

    void stop() {
        ticks.stop();
    }
}
