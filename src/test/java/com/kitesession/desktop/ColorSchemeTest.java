package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The desktop's light or dark setting, from what each OS's own command answers. */
class ColorSchemeTest {
    private static Optional<ColorScheme> linux(Map<String, String> env, Map<String, String> answers) {
        return ColorScheme.detect("Linux", env, command -> Optional.ofNullable(answers.get(command.get(command.size() - 1))));
    }

    @Test
    void gnomeColorSchemeDecides() {
        assertEquals(Optional.of(ColorScheme.DARK), linux(Map.of(), Map.of("color-scheme", "'prefer-dark'\n")));
        assertEquals(Optional.of(ColorScheme.LIGHT), linux(Map.of(), Map.of("color-scheme", "'prefer-light'\n")));
    }

    @Test
    void aDarkGtkThemeCountsWhenTheSchemeIsDefault() {
        assertEquals(Optional.of(ColorScheme.DARK),
                linux(Map.of(), Map.of("color-scheme", "'default'\n", "gtk-theme", "'Adwaita-dark'\n")));
        assertEquals(Optional.of(ColorScheme.LIGHT),
                linux(Map.of(), Map.of("color-scheme", "'default'\n", "gtk-theme", "'Adwaita'\n")));
        assertEquals(Optional.of(ColorScheme.DARK), linux(Map.of("GTK_THEME", "Adwaita:dark"), Map.of()));
    }

    @Test
    void withoutGsettingsItCannotTell() {
        assertEquals(Optional.empty(), linux(Map.of(), Map.of()));
    }

    @Test
    void macAnswersOnlyInDarkMode() {
        assertEquals(Optional.of(ColorScheme.DARK), ColorScheme.detect("Mac OS X", Map.of(), c -> Optional.of("Dark\n")));
        assertEquals(Optional.of(ColorScheme.LIGHT), ColorScheme.detect("Mac OS X", Map.of(), c -> Optional.empty()));
    }

    @Test
    void windowsRegistryValue() {
        String dark = "\nHKEY_CURRENT_USER\\...\\Personalize\n    AppsUseLightTheme    REG_DWORD    0x0\n";
        assertEquals(Optional.of(ColorScheme.DARK), ColorScheme.detect("Windows 11", Map.of(), c -> Optional.of(dark)));
        assertEquals(Optional.of(ColorScheme.LIGHT),
                ColorScheme.detect("Windows 11", Map.of(), c -> Optional.of(dark.replace("0x0", "0x1"))));
        ColorScheme.detect("Windows 10", Map.of(), c -> {
            assertEquals(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"), c);
            return Optional.empty();
        });
    }
}
