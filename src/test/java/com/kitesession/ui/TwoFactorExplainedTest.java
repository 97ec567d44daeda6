package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import com.kitesession.testing.WebPage;
import java.time.Clock;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The seed problem: a computer clock 90 s behind Kite's, a 2FA code read off an authenticator on
 * that clock, "Invalid TOTP". The login-layer panel explains it with the measured offset; the
 * README's screenshot of it is written here.
 */
class TwoFactorExplainedTest extends WindowTestBase {
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stage.setWidth(1100);
        stage.setHeight(760);
        open(stage);
    }

    @Override
    Clock appClock() {
        return Clock.offset(clock, Duration.ofSeconds(-90));
    }

    @Test
    void aCodeFromAClock90sBehindIsExplainedWithTheMeasuredOffset(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.type("#userid", account().userId());
        page.type("#password", account().password());
        page.click("button[type=submit]");
        page.type(CODE_FIELD, Totp.code(account().totpSecretBase32(), appClock().instant())); // the skewed clock's code
        page.waitForText("Invalid TOTP");

        waitUntil(() -> visible(robot, "#explanation"), "the 2FA explanation");
        assertEquals("Kite login (you, in the browser)", text(robot, "#explanation-layer"));
        String why = text(robot, "#explanation-why");
        assertTrue(why.matches("(?s).*\\b(89|90|91) s behind.*"), why);
        assertTrue(why.contains("not your password and not the API key"), why);
        DocsScreenshots.write(onFx(stage::getScene), "explanation-2fa.png");
    }
}
