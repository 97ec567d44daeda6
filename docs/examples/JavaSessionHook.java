import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.Routes;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.TokenException;
import com.zerodhatech.models.Profile;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * Recipe: a javakiteconnect program that survives the 06:00 IST expiry by asking kite-session for a new token.
 *
 * <p>Run with the SDK (com.zerodhatech.kiteconnect:kiteconnect:3.5.1) and its dependencies on the class path:
 * {@code KITE_API_KEY=your_api_key java -cp "kiteconnect-3.5.1.jar:..." JavaSessionHook.java}.
 * Against the simulator, also set KITE_API_ROOT to its base-url (see docs/examples/simulator).
 */
public class JavaSessionHook {
    /** {@code kite-session token --wait} prints only the token once a session is live (it waits for your login). */
    static String freshToken() {
        try {
            Process p = new ProcessBuilder("kite-session", "token", "--wait")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) throw new IllegalStateException("kite-session token --wait: exit " + p.exitValue());
            return token;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception, KiteException {
        String root = System.getenv("KITE_API_ROOT");
        if (root != null) {
            // Only to try this against the simulator: javakiteconnect has no setter for its API root,
            // a private static field of Routes read when a KiteConnect is built.
            Field f = Routes.class.getDeclaredField("_rootUrl");
            f.setAccessible(true);
            f.set(null, root);
        }
        KiteConnect kite = new KiteConnect(System.getenv("KITE_API_KEY"));
        String initial = System.getenv("KITE_ACCESS_TOKEN");
        kite.setAccessToken(initial != null && !initial.isEmpty() ? initial : freshToken());

        // The SDK calls the hook on a TokenException (403), then throws it: the hook fetches a new token,
        // the caller retries the call once.
        kite.setSessionExpiryHook(() -> kite.setAccessToken(freshToken()));

        Profile profile;
        try {
            profile = kite.getProfile();
        } catch (TokenException e) {
            profile = kite.getProfile(); // the hook has already set the new token
        }
        System.out.println("logged in as " + profile.userName);
    }
}
