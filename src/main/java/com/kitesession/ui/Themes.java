package com.kitesession.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.kitesession.desktop.ColorScheme;
import com.kitesession.service.Preferences;
import java.util.function.Supplier;
import javafx.application.Application;

/** AtlantaFX's Primer theme, light or dark, for the whole app (our own CSS uses its colours). */
final class Themes {
    private Themes() {}

    /** The scheme a preference means; {@code desktop} is asked only for SYSTEM (it may run commands). */
    static ColorScheme resolve(Preferences.Theme theme, Supplier<ColorScheme> desktop) {
        return switch (theme) {
            case LIGHT -> ColorScheme.LIGHT;
            case DARK -> ColorScheme.DARK;
            case SYSTEM -> desktop.get();
        };
    }

    /** FX thread. Every open window restyles at once. */
    static void apply(ColorScheme scheme) {
        Application.setUserAgentStylesheet(scheme == ColorScheme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
