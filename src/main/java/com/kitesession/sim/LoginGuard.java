package com.kitesession.sim;

import com.kitesession.otp.Totp;
import com.kitesession.sim.SimulatorState.Factor;
import com.kitesession.sim.SimulatorState.LoginSession;
import java.text.MessageFormat;

/**
 * The checks every login page style shares: the password, the 2FA code, and the block after five
 * failures of either, kept per user in {@link SimulatorState} so it outlives the login session.
 * A rejection is an {@link ApiError}: the single-page login answers it as Kite's JSON envelope, the
 * classic pages show its message.
 */
final class LoginGuard {
    private static final int TOTP_WINDOWS = 1; // one 30 s step either way, as authenticators expect

    private final SimulatorState state;
    private final SimulatorConfig config;

    LoginGuard(SimulatorState state, SimulatorConfig config) {
        this.state = state;
        this.config = config;
    }

    /** Step one. On success the session may go on to the code, under a fresh request_id. */
    void password(LoginSession s, String typedUserId, String password) throws ApiError {
        String userId = typedUserId == null ? "" : typedUserId.strip();
        if (userId.isEmpty()) throw ApiError.input("Missing `user_id`.");
        if (password == null || password.isEmpty()) throw ApiError.input("Missing `password`.");
        if (state.isBlocked(userId)) throw blocked();
        s.passwordOk = false;
        s.requestId = null;
        if (!userId.equalsIgnoreCase(s.account.userId()) || !s.account.password().equals(password)) {
            throw failure(userId, Factor.PASSWORD, config.wrongPasswordMessage());
        }
        state.recordSuccess(userId, Factor.PASSWORD);
        s.requestId = SimulatorState.randomToken(32);
        s.passwordOk = true;
    }

    /** Step two, on the simulator's clock; the caller has made sure the password step passed. */
    void code(LoginSession s, String code) throws ApiError {
        String userId = s.account.userId();
        if (state.isBlocked(userId)) throw blocked();
        if (code == null || code.isBlank()) throw ApiError.input("Missing `twofa_value`.");
        if (!Totp.verify(s.account.totpSecretBase32(), code.strip(), state.clock().instant(), TOTP_WINDOWS)) {
            throw failure(userId, Factor.CODE, config.wrongCodeMessage());
        }
        state.recordSuccess(userId, Factor.CODE);
        s.twofaOk = true;
    }

    /** Counts the failure; the fifth answers the block itself, never "0 attempts remain". */
    private ApiError failure(String userId, Factor factor, String pattern) {
        int remaining = state.recordFailure(userId, factor);
        return remaining > 0 ? ApiError.input(MessageFormat.format(pattern, remaining)) : blocked();
    }

    private ApiError blocked() {
        // 403 as for a refused permission; not TokenException, which SDKs take for an expired session.
        return new ApiError(403, "UserException", config.blockedMessage());
    }
}
