package com.kitesession.cli;

import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code token --wait}: a token Kite confirms ({@code GET /user/profile}, the check the window
 * makes) is printed at once; otherwise the window logs in, as for {@code login} ({@link WindowLogin}),
 * and the fresh token is printed. Several scripts waiting on one profile share the window's one login.
 */
final class TokenWait {
    private final SessionService service;
    private final LoginSurroundings around;
    private final PrintStream out;
    private final PrintStream err;

    TokenWait(SessionService service, LoginSurroundings around, PrintStream out, PrintStream err) {
        this.service = service;
        this.around = around;
        this.out = out;
        this.err = err;
    }

    int run(ProfileSession session, Duration timeout) throws InterruptedException {
        KiteProfile profile = session.profile();
        if (session.live()) {
            SessionService.CheckResult result = TokenCommand.ask(profile, service, err);
            if (result == null) return TokenCommand.NOT_CHECKED;
            if (result.verdict() == LivenessVerdict.LIVE) {
                out.println(session.token());
                return TokenCommand.OK;
            }
            // Kite unreachable: a login through the window would not reach it either.
            if (result.verdict() != LivenessVerdict.REFUSED) return TokenCommand.unreachable(profile, result, err);
            err.println("Kite refused the stored session for '" + profile.name() + "': a fresh login is needed.");
        } else {
            err.println(session.whyNoToken());
        }
        return new WindowLogin(service, around, out, err).run(profile, timeout);
    }
}
