package io.mockpg.internal.protocol.backend;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.protocol.frontend.FormatCodes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.List;

/**
 * Writes RowDescription and DataRow messages for a result's columns in the formats the
 * client asked for in Bind (text for the simple protocol).
 */
public final class RowEncoder {
    private final List<ResultColumn> columns;
    private final boolean[] binary;

    /**
     * @param resultFormats Bind's result format codes: none = all text, one = for every
     *                      column, else one per column
     */
    public RowEncoder(List<ResultColumn> columns, short[] resultFormats) {
        this.columns = columns;
        this.binary = new boolean[columns.size()];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = FormatCodes.isBinary(resultFormats, i);
        }
    }

    public int columnCount() {
        return columns.size();
    }

    /**
     * {@code | 'T' | int32 len | int16 n | (str name, int32 table, int16 attnum, int32 type oid,
     * int16 typlen, int32 typmod, int16 format) * n |}.
     */
    public void rowDescription(ByteBuf out) {
        int at = BackendMessages.begin(out, 'T');
        out.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn column = columns.get(i);
            BackendMessages.cstring(out, column.name());
            out.writeInt(0).writeShort(0);
            out.writeInt(column.type().oid()).writeShort(column.type().typlen()).writeInt(column.typmod());
            out.writeShort(binary[i] ? 1 : 0);
        }
        BackendMessages.end(out, at);
    }

    /** {@code | 'D' | int32 len | int16 n | (int32 len, bytes) * n |}; -1 for NULL. */
    public void dataRow(ByteBuf out, Object[] values) {
        int at = BackendMessages.begin(out, 'D');
        out.writeShort(values.length);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                out.writeInt(-1);
            } else if (binary[i]) {
                byte[] bytes = columns.get(i).type().toBinary(value);
                out.writeInt(bytes.length).writeBytes(bytes);
            } else {
                int lengthIndex = out.writerIndex();
                out.writeInt(0);
                int written = ByteBufUtil.writeUtf8(out, columns.get(i).type().toText(value));
                out.setInt(lengthIndex, written);
            }
        }
        BackendMessages.end(out, at);
    }
}
