package com.kitesession.cli;

import com.kitesession.explain.Explanation;
import com.kitesession.login.LoginAttempt;
import com.kitesession.session.ActiveSession;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the {@code login --browser} command waits for its {@link LoginAttempt}: it hears the
 * attempt's outcome and ends the wait with it, or with the timeout. Progress and another
 * login's refused redirect go to standard error; nothing here ever prints a token.
 */
final class LoginWait implements LoginAttempt.Listener {
    /** How the wait ended. */
    sealed interface Ending permits LoggedIn, Failed, TimedOut, NothingCanCome {}

    record LoggedIn(ActiveSession session) implements Ending {
        @Override
        public String toString() {
            return "LoggedIn[" + session.userId() + "]";
        }
    }

    record Failed(Explanation explanation) implements Ending {}

    record TimedOut() implements Ending {}

    /** Standard input ended and nothing listens for the redirect: no login can come back. */
    record NothingCanCome() implements Ending {}

    /** After the deadline, an exchange already under way gets this long to finish (its own calls have deadlines). */
    static final Duration EXCHANGE_GRACE = Duration.ofSeconds(30);

    private final CompletableFuture<Ending> ending = new CompletableFuture<>();
    private final PrintStream err;

    LoginWait(PrintStream err) {
        this.err = err;
    }

    @Override
    public void exchanging() {
        err.println("Kite sent the login back; exchanging the request_token for an access token\u2026");
    }

    @Override
    public void loggedIn(ActiveSession session) {
        ending.complete(new LoggedIn(session));
    }

    @Override
    public void failed(Explanation explanation) {
        ending.complete(new Failed(explanation));
    }

    @Override
    public void refused(Explanation explanation) {
        err.println(explanation.title() + ". " + explanation.why() + " Still waiting for this login's own address.");
    }

    /** Standard input ended: when nothing else can bring the login back, the wait ends. */
    void inputEnded(boolean listening, LoginAttempt attempt) {
        if (!listening && !attempt.isFinished()) ending.complete(new NothingCanCome());
    }

    /** Blocks until the attempt ends or {@code timeout} passes; an exchange under way at the deadline may finish. */
    Ending await(Duration timeout, LoginAttempt attempt) throws InterruptedException {
        try {
            return ending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!attempt.isFinished()) return new TimedOut();
            try {
                return ending.get(EXCHANGE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException late) {
                return new TimedOut();
            } catch (ExecutionException never) {
                throw new IllegalStateException(never.getCause());
            }
        } catch (ExecutionException never) {
            // Only complete() is ever called on it.
            throw new IllegalStateException(never.getCause());
        }
    }
}
