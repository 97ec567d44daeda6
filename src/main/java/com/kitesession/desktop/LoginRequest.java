package com.kitesession.desktop;

import java.util.List;
import java.util.Optional;

/**
 * The command line's request that the window log in to one profile: the window's launch arguments
 * {@code --login-profile ID}, given to a window as it starts or handed to the running one (see
 * {@link SingleInstance}). The window selects that profile and starts its login, as Log in does.
 * Only the profile's id travels: no secret, no token.
 */
public final class LoginRequest {
    public static final String FLAG = "--login-profile";
    /** Profile ids are short; anything longer, or with control characters, is no request. */
    static final int MAX_ID_LENGTH = 200;

    private LoginRequest() {}

    /** The launch arguments that ask for a login to {@code profileId}. */
    public static List<String> args(String profileId) {
        if (!isId(profileId)) throw new IllegalArgumentException("A profile id is short, printable and not blank.");
        return List.of(FLAG, profileId);
    }

    /** The profile id {@code args} ask to log in to; empty for any other arguments. */
    public static Optional<String> profileIn(List<String> args) {
        if (args == null || args.size() != 2 || !FLAG.equals(args.get(0)) || !isId(args.get(1))) return Optional.empty();
        return Optional.of(args.get(1));
    }

    private static boolean isId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH && id.chars().noneMatch(Character::isISOControl);
    }
}
