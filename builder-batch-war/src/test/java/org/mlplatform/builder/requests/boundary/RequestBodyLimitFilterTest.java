package org.mlplatform.builder.requests.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.junit.jupiter.api.Test;
import org.mlplatform.builder.requests.control.RequestTooLargeException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 7, item 6: the builder's own body limit, from the declared length or while a chunked body is read. */
class RequestBodyLimitFilterTest {

    private static final long LIMIT = 1000;

    /** A request with the declared length (-1: chunked) and body; the body the filter hands on ends up in {@code handedOn}. */
    private static ContainerRequestContext request(long length, InputStream body, AtomicReference<InputStream> handedOn) {
        handedOn.set(body);
        return (ContainerRequestContext) Proxy.newProxyInstance(RequestBodyLimitFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLength" -> (int) length;
                    case "hasEntity" -> true;
                    case "getEntityStream" -> handedOn.get();
                    case "setEntityStream" -> {
                        handedOn.set((InputStream) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RequestBodyLimitFilter filter() {
        RequestBodyLimitFilter filter = new RequestBodyLimitFilter();
        filter.maxBodyBytes = LIMIT;
        return filter;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByteIsRead() {
        AtomicReference<InputStream> body = new AtomicReference<>();
        RequestTooLargeException refused = assertThrows(RequestTooLargeException.class,
                () -> filter().filter(request(LIMIT + 1, new ByteArrayInputStream(new byte[0]), body)));
        assertEquals("the request body exceeds the limit of 1000 bytes (mlplatform.builder.max-body-bytes)", refused.getMessage());
    }

    @Test
    void aChunkedBodyIsRefusedOnceItIsReadPastTheLimit() throws IOException {
        AtomicReference<InputStream> body = new AtomicReference<>();
        filter().filter(request(-1, new ByteArrayInputStream(new byte[(int) LIMIT + 1]), body));
        InputStream bounded = body.get();
        assertEquals(LIMIT, bounded.readNBytes((int) LIMIT).length, "up to the limit the body reads as sent");
        assertThrows(RequestTooLargeException.class, bounded::read);

        filter().filter(request(-1, new ByteArrayInputStream(new byte[(int) LIMIT * 3]), body));
        assertThrows(RequestTooLargeException.class, () -> body.get().readAllBytes());
    }

    @Test
    void aBodyOfExactlyTheLimitPasses() throws IOException {
        AtomicReference<InputStream> body = new AtomicReference<>();
        filter().filter(request(LIMIT, new ByteArrayInputStream(new byte[(int) LIMIT]), body));
        assertEquals(LIMIT, body.get().readAllBytes().length);
    }

    @Test
    void theDefaultIsTheServersDeclaredLengthLimit() {
        assertEquals(64L * 1024 * 1024, Long.parseLong(org.mlplatform.builder.requests.control.BodyLimit.DEFAULT));
    }
}
