package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.kitesession.storage.AppSettings;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreferencesTest {
    @Test
    void readsTheTimesPeopleType() {
        assertEquals(Optional.of(LocalTime.of(8, 45)), Preferences.parseTime("08:45"));
        assertEquals(Optional.of(LocalTime.of(8, 45)), Preferences.parseTime(" 8:45 "));
        assertEquals(Optional.of(LocalTime.of(8, 45)), Preferences.parseTime("0845"));
        assertEquals(Optional.of(LocalTime.of(9, 5)), Preferences.parseTime("905"));
        assertEquals(Optional.empty(), Preferences.parseTime("25:00"));
        assertEquals(Optional.empty(), Preferences.parseTime("quarter to nine"));
        assertEquals(Optional.empty(), Preferences.parseTime(""));
    }

    @Test
    void roundTripsThroughTheSettings() {
        AppSettings settings = new AppSettings();
        assertEquals(new Preferences(Optional.of(LocalTime.of(8, 45)), 5, true, Preferences.Theme.SYSTEM), Preferences.of(settings));
        new Preferences(Optional.of(LocalTime.of(9, 0)), 10, false, Preferences.Theme.SYSTEM).applyTo(settings);
        assertEquals("09:00", settings.preMarketReminder);
        assertEquals(new Preferences(Optional.of(LocalTime.of(9, 0)), 10, false, Preferences.Theme.SYSTEM), Preferences.of(settings));
        new Preferences(Optional.empty(), 10, false, Preferences.Theme.SYSTEM).applyTo(settings);
        assertEquals("", settings.preMarketReminder);
        assertEquals(Optional.empty(), Preferences.of(settings).preMarketReminder());
        new Preferences(Optional.empty(), 10, false, Preferences.Theme.DARK).applyTo(settings);
        assertEquals("dark", settings.theme);
        assertEquals(Preferences.Theme.DARK, Preferences.of(settings).theme());
    }

    @Test
    void startAtLoginIsTheOsEntrysNotTheSettingsFiles() {
        AppSettings settings = new AppSettings();
        Preferences on = Preferences.of(settings).withStartAtLogin(true);
        assertEquals(new Preferences(Optional.of(LocalTime.of(8, 45)), 5, true, Preferences.Theme.SYSTEM, true), on);
        on.applyTo(settings);
        assertEquals(false, Preferences.of(settings).startAtLogin(), "not kept in the settings file");
        assertEquals(on, Preferences.of(settings).withStartAtLogin(true));
    }

    @Test
    void aHandEditedFileCannotBreakThem() {
        AppSettings settings = new AppSettings();
        settings.preMarketReminder = "soon";
        settings.livenessMinutes = 100000;
        assertEquals(new Preferences(Optional.of(Reminders.PRE_MARKET), 60, true, Preferences.Theme.SYSTEM), Preferences.of(settings));
        assertThrows(IllegalArgumentException.class, () -> new Preferences(Optional.empty(), 0, true, Preferences.Theme.SYSTEM));
    }
}
