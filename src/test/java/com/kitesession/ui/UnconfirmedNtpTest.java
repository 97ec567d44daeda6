package com.kitesession.ui;

import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.clock.ClockOffset;
import com.kitesession.clock.SntpClockProbe;
import com.kitesession.clock.SntpResponder;
import com.kitesession.otp.Totp;
import com.kitesession.testing.WebPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * An NTP server (plain UDP: anyone on the local network can answer) one hour ahead of the
 * simulator, whose Date header says this computer is in step (within its 1 s resolution). Kite's clock is the authority:
 * the NTP reading is shown as unconfirmed and changes neither the demo's 2FA code nor the
 * token's countdown.
 */
class UnconfirmedNtpTest extends DemoWindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }


    @Test
    void anNtpAnswerAnHourOffChangesNeitherTheCodeNorTheCountdown(FxRobot robot) throws Exception {
        try (SntpResponder ntp = new SntpResponder(Clock.offset(clock, Duration.ofHours(1)))) {
            ClockOffset hourOff = new SntpClockProbe("127.0.0.1", ntp.port(), Duration.ofSeconds(3), clock)
                    .measure().orElseThrow();
            assertEquals(Duration.ofHours(1), hourOff.offset());
            clockOffsets.record(hourOff);
        }
        waitUntil(() -> text(robot, "#clock-offset").contains("Kite's clock ("), "the simulator's Date header read");
        // The Date header has 1 s resolution: "in step" or "1 s behind", never an hour.
        String line = text(robot, "#clock-offset");
        assertTrue(line.matches("Clock: \u2714 This computer is (in step with|1 s behind) Kite's clock.*"), line);
        waitUntil(() -> text(robot, "#clock-offset").contains("NTP server 127.0.0.1 says this computer is 3600 s behind,"
                + " but Kite's clock does not confirm it: not used."), "the NTP reading shown as unconfirmed");

        ClockOffset kite = clockOffsets.best().orElseThrow();
        assertTrue(kite.fromKite(), kite.source());
        Instant kiteNow = clock.instant().plus(kite.offset());
        assertEquals(kiteNow, clockOffsets.correctedNow(), "Kite-corrected time, not NTP's");
        String secret = account().totpSecretBase32();
        assertNotEquals(Totp.code(secret, kiteNow), Totp.code(secret, kiteNow.plus(Duration.ofHours(1))));
        waitUntil(() -> visible(robot, "#demo-code"), "the demo card");
        long secondsLeft = 30 - kiteNow.getEpochSecond() % 30;
        waitUntil(() -> text(robot, "#demo-code").equals("2FA code: " + Totp.code(secret, kiteNow) + "  (" + secondsLeft + " s)"),
                "the demo card's code and its countdown by Kite's clock");

        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.waitFor("#userid");
        waitUntil(() -> account().password().equals(page.script("document.getElementById('password').value")),
                "the demo's one-click fill");
        page.click("button[type=submit]");
        waitUntil(() -> visible(robot, "#token-view"), "the token view: the code filled by Kite's clock was accepted");
        assertEquals("20 h 00 m", text(robot, "#countdown"), "10:00 IST to 06:00 IST by Kite's clock, not 19:00");
    }
}
