package com.kitesession.cli;

import com.kitesession.session.KiteProfile;
import com.kitesession.storage.AppSettings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which saved profile a command means: by id, else by name in any case; without one, the
 * default profile, else the only one. Every problem is an IllegalArgumentException whose
 * message says what there is to choose from (a usage error, exit 2).
 */
final class ProfileChoice {
    private ProfileChoice() {}

    /** {@code wanted} is a name or an id; null means the default profile, else the only one. */
    static KiteProfile choose(AppSettings settings, String wanted) {
        List<KiteProfile> profiles = settings.profiles;
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("there are no profiles yet; add one with `kite-session profile add`"
                    + " or in Kite Session Manager");
        }
        if (wanted == null) {
            if (settings.defaultProfileId != null && settings.profile(settings.defaultProfileId).isPresent()) {
                return settings.profile(settings.defaultProfileId).get();
            }
            if (profiles.size() == 1) return profiles.get(0);
            throw new IllegalArgumentException("there are several profiles and none is the default; choose one with --profile ("
                    + names(profiles) + ")");
        }
        if (settings.profile(wanted).isPresent()) return settings.profile(wanted).get();
        List<KiteProfile> named = profiles.stream().filter(p -> wanted.equalsIgnoreCase(p.name())).toList();
        if (named.size() == 1) return named.get(0);
        if (named.isEmpty()) throw new IllegalArgumentException("no profile is called '" + wanted + "' (there are " + names(profiles) + ")");
        throw new IllegalArgumentException("several profiles are called '" + wanted + "'; give its id instead ("
                + named.stream().map(KiteProfile::id).collect(Collectors.joining(", ")) + ")");
    }

    static String names(List<KiteProfile> profiles) {
        return profiles.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(", "));
    }
}
