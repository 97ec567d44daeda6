package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import com.kitesession.testing.SimClient;
import com.kitesession.testing.SimClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login sessions (the login pages' cookie) end on the simulator's clock, and there are never too many. */
class LoginSessionExpiryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T04:30:10Z");
    private final SimulatorClock clock = SimulatorClock.fixedAt(NOW);

    @Test
    void aLoginStartedTenMinutesAgoIsGoneAndItsCookieLeadsNowhere() throws Exception {
        try (KiteSimulator sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).loginPage(LoginPageStyle.CLASSIC).build())) {
            SimClient client = new SimClient(sim);
            DemoAccount demo = sim.account();
            Reply twofa = client.passwordStep(demo, null);
            clock.advance(Duration.ofMinutes(10));
            Reply late = client.post("/connect/twofa", Map.of("sess_id", twofa.input("sess_id"),
                    "twofa_value", Totp.code(demo.totpSecretBase32(), clock.instant())));
            assertEquals(400, late.code());
            assertTrue(late.body().contains("Session expired"), late.body());
        }
    }

    @Test
    void theTimeToLiveIsASettingAndAStartedLoginLivesUntilThen() {
        SimulatorState state = new SimulatorState(SimulatorConfig.builder().clock(clock).loginSessionTtl(Duration.ofMinutes(3)).build());
        SimulatorState.LoginSession s = state.startLogin(DemoAccount.standard(), null);
        clock.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertSame(s, state.loginSession(s.cookie));
        clock.advance(Duration.ofSeconds(1));
        assertNull(state.loginSession(s.cookie));
    }

    @Test
    void aFloodOfStartedLoginsKeepsOnlyTheNewestThousand() {
        SimulatorState state = new SimulatorState(SimulatorConfig.builder().clock(clock).build());
        SimulatorState.LoginSession first = state.startLogin(DemoAccount.standard(), null);
        SimulatorState.LoginSession last = first;
        for (int i = 0; i < SimulatorState.MAX_LOGIN_SESSIONS; i++) {
            clock.advance(Duration.ofMillis(1));
            last = state.startLogin(DemoAccount.standard(), null);
        }
        assertNull(state.loginSession(first.cookie));
        assertNotNull(state.loginSession(last.cookie));
    }
}
