package io.mockpg.internal.record;

import java.util.List;
import java.util.Map;

/**
 * What the upstream answered one statement, in script terms. Values are script-ready: null,
 * Boolean, String, {@link PlainScalar}, or lists of them. Equal answers are equal records, so a
 * statement answered the same way a thousand times is kept once.
 *
 * @param columns null for a statement that returns no rows
 * @param rows    in order
 * @param tag     the CommandComplete tag, or null after an error
 * @param error   the ErrorResponse's fields by their one-letter code, or null
 * @param notices the NoticeResponses' fields, in order
 * @param copy    whether the statement was a COPY
 */
record RecordedAnswer(List<RecordedColumn> columns, List<List<Object>> rows, String tag, Map<Character, String> error,
                      List<Map<Character, String>> notices, boolean copy) {
}
