package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClockSkewTest {
    @Test
    void takesSignedWholeUnits() {
        assertEquals(Duration.ofSeconds(45), ClockSkew.parse("45s"));
        assertEquals(Duration.ofSeconds(-45), ClockSkew.parse("-45s"));
        assertEquals(Duration.ofMinutes(2), ClockSkew.parse("2m"));
        assertEquals(Duration.ofMinutes(2), ClockSkew.parse("+2m"));
        assertEquals(Duration.ofHours(-1), ClockSkew.parse("-1h"));
        assertEquals(Duration.ZERO, ClockSkew.parse("0s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "45", "4.5s", "soon", "45 s", "-s", "45d", "PT45S", "9999999s"})
    void refusesAnythingElseNamingTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClockSkew.parse(value));
        assertEquals("a clock skew is a whole number of seconds, minutes or hours such as 45s, -45s or 2m, not " + value,
                e.getMessage());
    }
}
