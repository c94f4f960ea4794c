package io.mockpg.internal.upstream;

import java.util.List;
import java.util.Map;

/**
 * Messages a PostgreSQL server sends, decoded into plain heap values (PostgreSQL documentation,
 * "Message Formats"). Names follow that chapter.
 */
public sealed interface BackendMessage {
    /** {@code | 'R' | int32 len | int32 code | data |}: every Authentication* message; data after the code. */
    record Authentication(int code, byte[] data) implements BackendMessage {
        public static final int OK = 0;
        public static final int CLEARTEXT_PASSWORD = 3;
        public static final int MD5_PASSWORD = 5;
        public static final int SASL = 10;
        public static final int SASL_CONTINUE = 11;
        public static final int SASL_FINAL = 12;
    }

    /** {@code | 'S' | str name | str value |}. */
    record ParameterStatus(String name, String value) implements BackendMessage {
    }

    /** {@code | 'K' | int32 pid | key |}. */
    record BackendKeyData(int processId, byte[] secretKey) implements BackendMessage {
    }

    /** {@code | 'Z' | byte status |}: 'I' idle, 'T' in a transaction, 'E' in a failed one. */
    record ReadyForQuery(char status) implements BackendMessage {
    }

    /** One field of a RowDescription. */
    record Field(String name, int tableOid, short columnNumber, int typeOid, short typeSize, int typeModifier,
                 short format) {
    }

    /** {@code | 'T' | int16 n | field * n |}. */
    record RowDescription(List<Field> fields) implements BackendMessage {
    }

    /** {@code | 'D' | int16 n | (int32 len, bytes) * n |}; a null value is SQL NULL. */
    record DataRow(List<byte[]> values) implements BackendMessage {
    }

    /** {@code | 'C' | str tag |}. */
    record CommandComplete(String tag) implements BackendMessage {
    }

    /** {@code | 'E' | (byte code, str value)* | 0 |}: fields by their one-letter code, in wire order. */
    record ErrorResponse(Map<Character, String> fields) implements BackendMessage {
        public String sqlState() {
            return fields.get('C');
        }

        public String message() {
            return fields.get('M');
        }
    }

    /** {@code | 'N' | (byte code, str value)* | 0 |}. */
    record NoticeResponse(Map<Character, String> fields) implements BackendMessage {
    }

    /** {@code | 'A' | int32 pid | str channel | str payload |}. */
    record NotificationResponse(int processId, String channel, String payload) implements BackendMessage {
    }

    /** {@code | 't' | int16 n | int32 oid * n |}. */
    record ParameterDescription(int[] typeOids) implements BackendMessage {
    }

    /** {@code | 'G' / 'H' / 'W' | int8 format | int16 n | int16 format * n |}: CopyIn, CopyOut, CopyBoth. */
    record CopyResponse(char type, int format, short[] columnFormats) implements BackendMessage {
    }

    /** {@code | 'd' | bytes |}. */
    record CopyData(byte[] data) implements BackendMessage {
    }

    /** {@code | 'c' |}. */
    record CopyDone() implements BackendMessage {
    }

    /** {@code | 'v' | int32 minor | int32 n | str option * n |}. */
    record NegotiateProtocolVersion(int newestMinorVersion, List<String> unsupportedOptions)
            implements BackendMessage {
    }

    /** A message without content: ParseComplete '1', BindComplete '2', CloseComplete '3', NoData 'n', PortalSuspended 's', EmptyQueryResponse 'I'. */
    record Empty(char type) implements BackendMessage {
    }
}
