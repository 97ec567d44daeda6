package com.kitesession.ui;

import com.kitesession.service.SessionService;
import com.kitesession.storage.AppSettings;
import java.io.IOException;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where and how large the window opens: where it was last time if that place is still on a screen,
 * else the scene's size centred (an 800x600 screen: the screen's); and remembering it on close.
 */
final class StagePlacement {
    /** Small enough for an 800x600 screen with a taskbar; the layout is checked at 800x600. */
    static final double MIN_WIDTH = 760;
    static final double MIN_HEIGHT = 560;

    private StagePlacement() {}

    /** Before showing: the saved place and size, or the first run's. */
    static void place(Stage stage, AppSettings.WindowPlacement placement) {
        if (placement == null) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(stage.getScene().getWidth(), screen.getWidth()));
            stage.setHeight(Math.min(stage.getScene().getHeight() + 30, screen.getHeight()));
            stage.centerOnScreen();
            return;
        }
        boolean onScreen = !Screen.getScreensForRectangle(
                new Rectangle2D(placement.x(), placement.y(), Math.max(1, placement.width()), Math.max(1, placement.height())))
                .isEmpty();
        if (onScreen) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        }
        stage.setWidth(Math.max(MIN_WIDTH, placement.width()));
        stage.setHeight(Math.max(MIN_HEIGHT, placement.height()));
        stage.setMaximized(placement.maximized());
    }

    /**
     * After showing. Some X window managers (openbox) open a window at its minimum size hint when
     * it is set before the window exists, and take the hint that arrives while the window is being
     * mapped as its size: the minimum now, the intended size again once the window is up.
     */
    static void settle(Stage stage, double width, double height) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Platform.runLater(() -> {
            if (stage.isMaximized()) return;
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    static void remember(Stage stage, SessionService sessions) {
        try {
            sessions.rememberWindow(new AppSettings.WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        } catch (IOException e) {
            // Closing: a lost window position is not worth a dialog.
        }
    }
}
