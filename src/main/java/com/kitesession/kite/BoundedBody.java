package com.kitesession.kite;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads a response body up to a cap. {@code ResponseBody.string()} reads whatever the peer sends,
 * and a 1.5 GB answer ended in an OutOfMemoryError; Kite's answers are well under a kilobyte.
 */
final class BoundedBody {
    /** 1 MiB: a thousand times Kite's largest answer to these calls, far below any memory limit. */
    static final long MAX_BYTES = 1024 * 1024;

    private BoundedBody() {}

    /** The body as text, or null when it is longer than {@code maxBytes} (nothing past the cap is read). */
    static String read(ResponseBody body, long maxBytes) throws IOException {
        if (body == null) return "";
        if (body.contentLength() > maxBytes) return null;
        BufferedSource source = body.source();
        // request() buffers until it has that many bytes or the body ends; one byte past the cap tells which.
        if (source.request(maxBytes + 1)) return null;
        MediaType type = body.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return source.readString(charset);
    }
}
