package com.kitesession.testing;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.Routes;
import java.lang.reflect.Field;

/**
 * Points Zerodha's official Java SDK (javakiteconnect) at a simulator, and back. The SDK has no
 * setter for its API root: {@link Routes} keeps it and the login URL in private static fields, read
 * when a {@link KiteConnect} is built, so they are set by reflection. Its session-expiry hook is a
 * public static too, cleared on close so no hook leaks into another test.
 */
public final class OfficialSdkRoutes implements AutoCloseable {
    private final String savedRoot;
    private final String savedLogin;

    private OfficialSdkRoutes(String baseUrl) throws ReflectiveOperationException {
        savedRoot = swap("_rootUrl", baseUrl);
        savedLogin = swap("_loginUrl", baseUrl + "/connect/login");
    }

    /** From now until {@link #close()}, every new KiteConnect talks to {@code baseUrl}. */
    public static OfficialSdkRoutes pointAt(String baseUrl) throws ReflectiveOperationException {
        return new OfficialSdkRoutes(baseUrl);
    }

    @Override
    public void close() throws ReflectiveOperationException {
        KiteConnect.sessionExpiryHook = null;
        swap("_rootUrl", savedRoot);
        swap("_loginUrl", savedLogin);
    }

    private static String swap(String name, String value) throws ReflectiveOperationException {
        Field f = Routes.class.getDeclaredField(name);
        f.setAccessible(true);
        String old = (String) f.get(null);
        f.set(null, value);
        return old;
    }
}
