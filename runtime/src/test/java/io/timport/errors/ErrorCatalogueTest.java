package io.timport.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCatalogueTest {

    /** Every code of the "Error codes" table in ../shared/docs/friend-import-api.md, with the class it prescribes. */
    static Stream<Arguments> documentedCodes() {
        return Stream.of(
                Arguments.of(0, ErrorClass.OK),
                Arguments.of(30001, ErrorClass.PERMANENT),
                Arguments.of(30002, ErrorClass.PERMANENT),
                Arguments.of(30003, ErrorClass.PERMANENT),
                Arguments.of(30004, ErrorClass.FATAL_CONFIG),
                Arguments.of(60010, ErrorClass.FATAL_CONFIG),
                Arguments.of(30006, ErrorClass.TRANSIENT),
                Arguments.of(30007, ErrorClass.TRANSIENT),
                Arguments.of(30008, ErrorClass.TRANSIENT),
                Arguments.of(30010, ErrorClass.PERMANENT),
                Arguments.of(30011, ErrorClass.PERMANENT),
                Arguments.of(60007, ErrorClass.THROTTLED),
                Arguments.of(60011, ErrorClass.THROTTLED),
                Arguments.of(60018, ErrorClass.THROTTLED),
                Arguments.of(60019, ErrorClass.THROTTLED),
                Arguments.of(60008, ErrorClass.TRANSIENT),
                Arguments.of(60014, ErrorClass.TRANSIENT),
                Arguments.of(60002, ErrorClass.CLIENT_BUG),
                Arguments.of(60003, ErrorClass.CLIENT_BUG),
                Arguments.of(60009, ErrorClass.CLIENT_BUG),
                Arguments.of(60012, ErrorClass.CLIENT_BUG),
                Arguments.of(60015, ErrorClass.CLIENT_BUG),
                Arguments.of(60006, ErrorClass.FATAL_CONFIG),
                Arguments.of(60016, ErrorClass.FATAL_CONFIG),
                Arguments.of(60017, ErrorClass.FATAL_CONFIG),
                Arguments.of(60020, ErrorClass.FATAL_CONFIG),
                Arguments.of(60021, ErrorClass.FATAL_CONFIG),
                Arguments.of(70016, ErrorClass.FATAL_CONFIG),
                Arguments.of(70020, ErrorClass.FATAL_CONFIG),
                Arguments.of(70001, ErrorClass.RESIGN),
                Arguments.of(70052, ErrorClass.RESIGN),
                Arguments.of(70003, ErrorClass.FATAL_CONFIG),
                Arguments.of(70005, ErrorClass.FATAL_CONFIG),
                Arguments.of(70009, ErrorClass.FATAL_CONFIG),
                Arguments.of(70013, ErrorClass.FATAL_CONFIG),
                Arguments.of(70014, ErrorClass.FATAL_CONFIG),
                Arguments.of(70050, ErrorClass.WAIT_THEN_RETRY));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documentedCodes")
    void classifiesEveryDocumentedCode(int code, ErrorClass expected) {
        ErrorEntry entry = ErrorCatalogue.lookup(code);
        assertEquals(code, entry.code());
        assertEquals(expected, entry.errorClass());
        assertTrue(entry.known());
        assertTrue(ErrorCatalogue.isKnown(code));
        assertFalse(entry.meaning().isBlank());
        assertEquals(code + " " + entry.meaning() + " (" + expected + ")", entry.toString());
    }

    @Test
    void catalogueHoldsExactlyTheDocumentedCodes() {
        Set<Integer> documented = documentedCodes().map(a -> (Integer) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> catalogued = ErrorCatalogue.all().stream().map(ErrorEntry::code).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documented, catalogued);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, -1, 30005, 60004, 70000, 99999, Integer.MAX_VALUE})
    void unknownCodesArePermanentAndNamedByNumber(int code) {
        ErrorEntry entry = ErrorCatalogue.lookup(code);
        assertEquals(ErrorClass.PERMANENT, entry.errorClass());
        assertFalse(entry.known());
        assertFalse(ErrorCatalogue.isKnown(code));
        assertEquals("unknown error code " + code, entry.meaning());
        assertEquals(code, entry.code());
    }

    @Test
    void classFlagsDriveTheEngine() {
        Set<ErrorClass> retryable = Stream.of(ErrorClass.values()).filter(ErrorClass::isRetryable)
                .collect(Collectors.toSet());
        assertEquals(Set.of(ErrorClass.TRANSIENT, ErrorClass.THROTTLED, ErrorClass.RESIGN, ErrorClass.WAIT_THEN_RETRY),
                retryable);
        Set<ErrorClass> stopping = Stream.of(ErrorClass.values()).filter(ErrorClass::stopsImport)
                .collect(Collectors.toSet());
        assertEquals(Set.of(ErrorClass.FATAL_CONFIG, ErrorClass.CLIENT_BUG), stopping);
    }
}
