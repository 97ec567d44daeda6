package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.desktop.ColorScheme;
import com.kitesession.session.ActiveSession;
import com.kitesession.testing.WebPage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Writes the README's screenshots (light and dark, the demo logged in with one click, and the
 * page filled by one-click) on every build, so they never go stale; and checks the window still
 * works at 800x600.
 */
class ScreenshotsTest extends DemoWindowTestBase {
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        open(stage);
    }


    @AfterEach
    void lightAgain() {
        onFx(() -> {
            Themes.apply(ColorScheme.LIGHT); // the theme is app-wide: leave it as other tests expect
            return null;
        });
    }

    private ActiveSession oneClickLogin(FxRobot robot) throws IOException {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the demo profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.waitFor("#userid");
        waitUntil(() -> account().password().equals(page.script("document.getElementById('password').value")),
                "one-click filled the password");
        if (stage.getWidth() >= 1000) snapshot("one-click-filled.png"); // the README's: filled, waiting for the click
        page.click("button[type=submit]");
        waitUntil(() -> visible(robot, "#token-view"), "the token view");
        return onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
    }

    @Test
    void writesTheLightAndDarkScreenshots(FxRobot robot) throws Exception {
        onFx(() -> {
            stage.setWidth(1100);
            stage.setHeight(760);
            return null;
        });
        ActiveSession session = oneClickLogin(robot);
        // The status line reads the clock every 2 s: the picture shows it measured, as the dashboard does.
        waitUntil(() -> text(robot, "#clock-offset").startsWith("Clock: \u2714"), "the measured clock in the status line");
        Path light = snapshot("screenshot-light.png");
        onFx(() -> {
            Themes.apply(ColorScheme.DARK);
            return null;
        });
        Thread.sleep(300); // a pulse or two to restyle
        Path dark = snapshot("screenshot-dark.png");

        BufferedImage lightImage = ImageIO.read(light.toFile());
        BufferedImage darkImage = ImageIO.read(dark.toFile());
        assertTrue(brightness(lightImage) > 0.6, "light is light: " + brightness(lightImage));
        assertTrue(brightness(darkImage) < 0.4, "dark is dark: " + brightness(darkImage));
        assertFalse(text(robot, "#token-value").contains(session.accessToken()), "no token in a screenshot");
    }

    @Test
    void at800x600TheCountdownAndLoginButtonShowWithoutScrolling(FxRobot robot) throws IOException {
        onFx(() -> {
            stage.setWidth(800);
            stage.setHeight(600);
            return null;
        });
        oneClickLogin(robot);
        waitUntil(() -> onFx(() -> stage.getScene().getWidth() <= 800), "the 800x600 window");
        assertTrue(onFx(() -> fullyShown(robot.lookup("#countdown").query())), "the countdown");
        assertTrue(onFx(() -> fullyShown(robot.lookup("#login").query())), "the Login button");
        assertTrue(onFx(() -> fullyShown(robot.lookup("#copy-token").query())), "Copy token");
    }

    /** Inside the scene and inside every clipping scroll pane on the way up. */
    private static boolean fullyShown(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        Bounds scene = new BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight());
        if (!contains(scene, bounds)) return false;
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane) {
                Node viewport = pane.lookup(".viewport");
                if (viewport != null && !contains(viewport.localToScene(viewport.getBoundsInLocal()), bounds)) return false;
            }
        }
        return true;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private Path snapshot(String name) throws IOException {
        return DocsScreenshots.write(stage.getScene(), name);
    }

    /** Mean luminance, 0 (black) to 1 (white). */
    private static double brightness(BufferedImage image) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum += (0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255)) / 255;
                n++;
            }
        }
        return sum / n;
    }
}
