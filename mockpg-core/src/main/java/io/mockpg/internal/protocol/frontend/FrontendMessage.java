package io.mockpg.internal.protocol.frontend;

import java.util.Map;

/**
 * Messages a client sends, decoded into plain heap values: session code never touches a
 * reference-counted buffer. Names follow PostgreSQL's protocol chapter.
 */
public sealed interface FrontendMessage {

    /** {@code | int32 len | int32 80877103 |}. */
    record SslRequest() implements FrontendMessage {
    }

    /** {@code | int32 len | int32 80877104 |}. */
    record GssEncRequest() implements FrontendMessage {
    }

    /** {@code | int32 len | int32 80877102 | int32 pid | key bytes |}; key is 4 bytes (3.0) or up to 256 (3.2). */
    record CancelRequest(int processId, byte[] secretKey) implements FrontendMessage {
    }

    /** {@code | int32 len | int32 version | (str name, str value)* | 0 |}. */
    record StartupMessage(int majorVersion, int minorVersion, Map<String, String> parameters)
            implements FrontendMessage {
    }

    /**
     * {@code | 'p' | int32 len | bytes |}: PasswordMessage, SASLInitialResponse or SASLResponse;
     * which one depends on the authentication exchange in progress.
     */
    record PasswordMessage(byte[] payload) implements FrontendMessage {
    }

    /** {@code | 'Q' | int32 len | str query |}. */
    record Query(String sql) implements FrontendMessage {
    }

    /** {@code | 'P' | int32 len | str name | str query | int16 n | int32 oid * n |}. */
    record Parse(String name, String sql, int[] paramOids) implements FrontendMessage {
    }

    /**
     * {@code | 'B' | int32 len | str portal | str statement | int16 nf | int16 fmt * nf | int16 nv |
     * (int32 len, bytes) * nv | int16 nr | int16 fmt * nr |}; a null value is SQL NULL.
     */
    record Bind(String portal, String statement, short[] paramFormats, byte[][] values, short[] resultFormats)
            implements FrontendMessage {
    }

    /** {@code | 'D' | int32 len | byte 'S'/'P' | str name |}. */
    record Describe(char kind, String name) implements FrontendMessage {
    }

    /** {@code | 'E' | int32 len | str portal | int32 maxRows |}; 0 = no limit. */
    record Execute(String portal, int maxRows) implements FrontendMessage {
    }

    /** {@code | 'C' | int32 len | byte 'S'/'P' | str name |}. */
    record Close(char kind, String name) implements FrontendMessage {
    }

    /** {@code | 'S' | int32 4 |}. */
    record Sync() implements FrontendMessage {
    }

    /** {@code | 'H' | int32 4 |}. */
    record Flush() implements FrontendMessage {
    }

    /** {@code | 'X' | int32 4 |}. */
    record Terminate() implements FrontendMessage {
    }

    /** {@code | 'd' | int32 len | bytes |}. */
    record CopyData(byte[] data) implements FrontendMessage {
    }

    /** {@code | 'c' | int32 4 |}. */
    record CopyDone() implements FrontendMessage {
    }

    /** {@code | 'f' | int32 len | str message |}. */
    record CopyFail(String message) implements FrontendMessage {
    }

    /** {@code | 'F' | ...}: FunctionCall, not supported by a mock. */
    record FunctionCall() implements FrontendMessage {
    }

    /** A message that could not be decoded; the connection gets 08P01 and is closed. */
    record Malformed(String reason) implements FrontendMessage {
    }
}
