package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.otp.Totp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DemoAccountTest {
    @Test
    void standardValuesAreTheDocumentedOnes() {
        DemoAccount a = DemoAccount.standard();
        assertEquals("kitesim_demo", a.apiKey());
        assertTrue(a.apiSecret().matches("[A-Za-z0-9]{32}"));
        assertEquals("http://127.0.0.1:5483/kite-redirect", a.redirectUrl());
        assertEquals("DM1234", a.userId());
        assertEquals("demo-password", a.password());
        assertEquals("Demo Trader", a.userName());
        assertTrue(a.totpSecretBase32().matches("[A-Z2-7]{32}"));
        assertTrue(Totp.code(a.totpSecretBase32(), Instant.EPOCH).matches("[0-9]{6}"));
        assertEquals(a, DemoAccount.standard());
    }

    @Test
    void toStringHidesSecrets() {
        DemoAccount a = DemoAccount.standard();
        String s = a.toString();
        assertTrue(s.contains(a.apiKey()) && s.contains(a.userId()), s);
        assertFalse(s.contains(a.apiSecret()), s);
        assertFalse(s.contains(a.password()), s);
        assertFalse(s.contains(a.totpSecretBase32()), s);
    }

    @Test
    void configDefaults() {
        SimulatorConfig c = SimulatorConfig.builder().build();
        assertEquals(0, c.port());
        assertEquals(Duration.ofMinutes(5), c.requestTokenTtl());
        assertEquals(LocalTime.of(6, 0), c.expiryTime());
        assertEquals(10, c.rateLimitPerSecond());
        assertEquals(DemoAccount.standard(), c.account());
        assertInstanceOf(SimulatorClock.class, c.clock());
        assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().port(70000));
        assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().rateLimitPerSecond(0));
    }
}
