package com.kitesession.ui;

import static com.kitesession.testing.WebPage.waitUntil;

import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.testing.WebPage;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Kite's page takes a while to arrive (a slow morning network). Meanwhile the view's address is
 * already Kite's but the page shown is still the empty one before it: that is not leaving Kite,
 * and once Kite's page is there it is filled as usual.
 */
class SlowLoginPageTest extends WindowTestBase {
    private static final String PASSWORD = "slow-page-password";
    private HttpServer kite;

    @Start
    void start(Stage stage) throws Exception {
        kite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kite.createContext("/", ex -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] page = ("<!DOCTYPE html><html><body><form class='login-form'><input id='userid' type='text'>"
                    + "<input id='password' type='password'><button type='submit'>Login</button></form></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            try (ex) {
                ex.getResponseBody().write(page);
            }
        });
        kite.start();
        open(stage);
    }

    @AfterEach
    void stopKite() {
        kite.stop(0);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        KiteProfile profile = new KiteProfile("slow", "Slow Kite", account().apiKey(), account().redirectUrl(),
                account().userId(), "http://127.0.0.1:" + kite.getAddress().getPort(), simulator.baseUrl());
        sessions.saveProfile(profile, account().apiSecret());
        sessions.saveLoginSecrets(profile, PASSWORD, account().totpSecretBase32());
    }

    @Test
    void theEmptyPageBeforeKitesIsNotLeavingKite(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        WebPage.loginView(robot); // the warm-up has made the view: its empty page is what shows while Kite's loads
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        waitUntil(() -> PASSWORD.equals(page.script("(document.getElementById('password') || {}).value")),
                "the password filled once Kite's page arrived");
    }
}
