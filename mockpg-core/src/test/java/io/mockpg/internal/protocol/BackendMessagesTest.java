package io.mockpg.internal.protocol;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact bytes of backend messages, compared as hex dumps. */
class BackendMessagesTest {

    private static String hex(java.util.function.Consumer<ByteBuf> writer) {
        ByteBuf out = Unpooled.buffer();
        try {
            writer.accept(out);
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
        }
    }

    @Test
    void readyForQuery() {
        assertEquals("5a0000000549", hex(out -> BackendMessages.readyForQuery(out, 'I')));
    }

    @Test
    void commandComplete() {
        assertEquals("430000000f494e5345525420302031" + "00",
                hex(out -> BackendMessages.commandComplete(out, "INSERT 0 1")));
    }

    @Test
    void parameterStatus() {
        // 'S' len=4+2+2: "a\0" "b\0"
        assertEquals("530000000861006200", hex(out -> BackendMessages.parameterStatus(out, "a", "b")));
    }

    @Test
    void negotiateProtocolVersionCarriesTheFullVersionCode() {
        String expected = "76" + "0000002b" + "00030000" + "00000001"
                + ByteBufUtil.hexDump("_pq_.test_protocol_negotiation".getBytes()) + "00";
        assertEquals(expected, hex(out -> BackendMessages.negotiateProtocolVersion(out, 196608,
                List.of("_pq_.test_protocol_negotiation"))));
    }

    @Test
    void errorResponseAlwaysHasSeverityCodeAndMessage() {
        String dump = hex(out -> BackendMessages.errorResponse(out, ErrorFields.error("42P01", "x")));
        // E, length 4+ (S ERROR\0)(V ERROR\0)(C 42P01\0)(M x\0) 0 = 4+7+7+7+3+1 = 29
        assertEquals("450000001d" + "534552524f5200" + "564552524f5200" + "433432503031" + "00" + "4d7800" + "00", dump);
    }

    @Test
    void errorResponseCarriesContextInternalQueryAndSourceLocation() {
        ErrorFields fields = new ErrorFields("ERROR", "42P01", "m", null, null, null, "w", null, null, null, "dom",
                null, 15, "q", "f.c", 1392, "r");
        String dump = hex(out -> BackendMessages.errorResponse(out, fields));
        String body = "534552524f5200" + "564552524f5200" + "433432503031" + "00" + "4d6d00" + "577700"
                + "64646f6d00" + "70313500" + "717100" + "46662e6300" + "4c3133393200" + "527200" + "00";
        assertEquals("45" + String.format("%08x", 4 + body.length() / 2) + body, dump);
    }

    @Test
    void parameterDescription() {
        assertEquals("740000000e00020000001700000019",
                hex(out -> BackendMessages.parameterDescription(out, new int[]{23, 25})));
    }

    @Test
    void backendKeyDataWithLongKey() {
        byte[] key = new byte[32];
        key[31] = 7;
        String dump = hex(out -> BackendMessages.backendKeyData(out, 5, key));
        assertEquals("4b" + "00000028" + "00000005", dump.substring(0, 18));
        assertEquals(2 * (1 + 4 + 4 + 32), dump.length());
    }
}
