package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The one icon the window is given is there, and is the size JavaFX asks for on each system (no scaling). */
class WindowIconTest {
    /** Width and height from the PNG's IHDR chunk. */
    private static int[] pngSize(String resource) throws IOException {
        try (InputStream in = KiteSessionApp.class.getResourceAsStream(resource)) {
            if (in == null) throw new AssertionError(resource + " is not in the jar");
            ByteBuffer head = ByteBuffer.wrap(in.readNBytes(24));
            return new int[] {head.getInt(16), head.getInt(20)};
        }
    }

    @Test
    void linuxAndMacGetThe128PixelIcon() throws IOException {
        for (String os : new String[] {"Linux", "Mac OS X"}) {
            int[] size = pngSize(KiteSessionApp.windowIconResource(os));
            assertEquals(128, size[0], os);
            assertEquals(128, size[1], os);
        }
    }

    @Test
    void windowsGetsThe32PixelIcon() throws IOException {
        int[] size = pngSize(KiteSessionApp.windowIconResource("Windows 11"));
        assertEquals(32, size[0]);
        assertEquals(32, size[1]);
    }
}
