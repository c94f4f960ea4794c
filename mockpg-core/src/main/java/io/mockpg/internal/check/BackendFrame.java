package io.mockpg.internal.check;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One backend message as received: its type byte and body (after the length). Reads the few
 * bodies a probe needs: ParameterDescription, RowDescription and ErrorResponse.
 */
public record BackendFrame(byte type, byte[] body) {
    static final byte PARSE_COMPLETE = '1';
    static final byte PARAMETER_DESCRIPTION = 't';
    static final byte ROW_DESCRIPTION = 'T';
    static final byte NO_DATA = 'n';
    static final byte ERROR_RESPONSE = 'E';
    static final byte READY_FOR_QUERY = 'Z';
    static final byte COMMAND_COMPLETE = 'C';

    /** ParameterDescription: Int16 count, then one Int32 type OID per parameter. */
    int[] parameterOids() {
        ByteBuffer in = ByteBuffer.wrap(body);
        int[] oids = new int[Short.toUnsignedInt(in.getShort())];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = in.getInt();
        }
        return oids;
    }

    /** RowDescription: Int16 count, then per field its name, table OID, attnum, type OID, size, modifier, format. */
    List<StatementShape.Column> columns() {
        ByteBuffer in = ByteBuffer.wrap(body);
        int count = Short.toUnsignedInt(in.getShort());
        List<StatementShape.Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = cstring(in);
            in.getInt(); // table OID
            in.getShort(); // column number
            int typeOid = in.getInt();
            in.position(in.position() + 2 + 4 + 2); // size, modifier, format
            columns.add(new StatementShape.Column(name, typeOid));
        }
        return columns;
    }

    /** ErrorResponse (or NoticeResponse): the SQLSTATE ('C') and message ('M') fields. */
    StatementShape.Rejected error() {
        ByteBuffer in = ByteBuffer.wrap(body);
        String code = "";
        String message = "";
        for (byte field = in.get(); field != 0; field = in.get()) {
            String value = cstring(in);
            if (field == 'C') {
                code = value;
            } else if (field == 'M') {
                message = value;
            }
        }
        return new StatementShape.Rejected(code, message);
    }

    private static String cstring(ByteBuffer in) {
        int start = in.position();
        while (in.get() != 0) {
            // scan to the terminating zero
        }
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.UTF_8);
    }
}
