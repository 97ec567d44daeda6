package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.SessionService;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.WebPage;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.web.WebEngine;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The login view's data: WebKit's folder inside the app's data folder, the advanced user-agent
 * setting, and Session > Clear login cookies forgetting Kite's session cookie.
 */
class LoginWebDataTest extends WindowTestBase {
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) KiteSessionTest/1.0";
    private Path dataFolder;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        super.beforeWindow(sessions);
        dataFolder = sessions.dataFolder();
        // As a person would hand-edit it into settings.json, stray spaces and all.
        new AppSettingsStore(dataFolder).update(s -> s.loginUserAgent = "  " + USER_AGENT + "  ");
        sessions.reload();
    }

    @Test
    void theFolderIsTheAppsTheUserAgentIsTheSettingAndClearingForgetsKitesCookie(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the simulator profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.waitFor("#userid");
        WebEngine engine = onFx(() -> WebPage.loginView(robot).getEngine());
        assertEquals(dataFolder.resolve("webview").toFile(), onFx(engine::getUserDataDirectory));
        assertTrue(Files.isDirectory(dataFolder.resolve("webview")));
        assertEquals(USER_AGENT, onFx(engine::getUserAgent));
        assertEquals(USER_AGENT, page.script("navigator.userAgent"), "what Kite's page sees");

        URI kite = URI.create(simulator.baseUrl() + "/connect/login");
        assertTrue(cookieHeader(kite).contains("kf_session="), "Kite's login set its session cookie: " + cookieHeader(kite));

        robot.clickOn("Session");
        waitUntil(() -> robot.lookup("#menu-clear-cookies").tryQuery().isPresent(), "the Session menu");
        robot.clickOn("#menu-clear-cookies");
        waitUntil(() -> text(robot, "#notice").startsWith("Login cookies cleared"), "the confirmation");
        assertFalse(cookieHeader(kite).contains("kf_session="), "forgotten: " + cookieHeader(kite));
        assertFalse(visible(robot, "#login-webview"), "the open login, which ran on that cookie, was closed");
    }

    @Test
    void aUserAgentThatIsNotOneLineOfTextIsIgnored() {
        assertEquals("", LoginWebData.userAgent("   ").orElse(""));
        assertEquals("", LoginWebData.userAgent(null).orElse(""));
        assertTrue(LoginWebData.userAgent("Agent\r\nX-Injected: 1").isEmpty());
        assertTrue(LoginWebData.userAgent("a".repeat(513)).isEmpty());
        assertEquals("Agent/1", LoginWebData.userAgent(" Agent/1 ").orElseThrow());
    }

    private static String cookieHeader(URI uri) throws IOException {
        Map<String, List<String>> headers = CookieHandler.getDefault().get(uri, Map.of());
        return String.join("; ", headers.getOrDefault("Cookie", List.of()));
    }
}
