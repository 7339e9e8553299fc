package io.timport.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
                Arguments.of(70050, ErrorClass.WAIT_THEN_RETRY),
                // added to the table for issue 11
                Arguments.of(30005, ErrorClass.PERMANENT),
                Arguments.of(30009, ErrorClass.PERMANENT),
                Arguments.of(60004, ErrorClass.FATAL_CONFIG),
                Arguments.of(60005, ErrorClass.FATAL_CONFIG),
                Arguments.of(60013, ErrorClass.TRANSIENT),
                Arguments.of(70002, ErrorClass.CLIENT_BUG),
                Arguments.of(70051, ErrorClass.FATAL_CONFIG), // at request level: the admin; per item: PERMANENT
                Arguments.of(70169, ErrorClass.TRANSIENT),
                Arguments.of(70402, ErrorClass.CLIENT_BUG),
                Arguments.of(70403, ErrorClass.FATAL_CONFIG),
                Arguments.of(70500, ErrorClass.TRANSIENT),
                // the account APIs (migration-apis.md)
                Arguments.of(70107, ErrorClass.PERMANENT),
                Arguments.of(70114, ErrorClass.PERMANENT),
                Arguments.of(70202, ErrorClass.TRANSIENT),
                Arguments.of(70206, ErrorClass.CLIENT_BUG),
                Arguments.of(70398, ErrorClass.FATAL_CONFIG),
                Arguments.of(40601, ErrorClass.PERMANENT));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documentedCodes")
    void classifiesEveryDocumentedCode(int code, ErrorClass expected) {
        ErrorEntry entry = ErrorCatalogue.forRequest(code);
        assertEquals(entry, ErrorCatalogue.lookup(code), "lookup is the request-level entry");
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
    @ValueSource(ints = {1, -1, 30012, 60001, 70000, 99999, Integer.MAX_VALUE})
    void unknownCodesAreUnknownNeverAnOrdinaryFailureAndNamedByNumber(int code) {
        for (ErrorEntry entry : List.of(ErrorCatalogue.forRequest(code), ErrorCatalogue.forItem(code))) {
            assertEquals(ErrorClass.UNKNOWN, entry.errorClass());
            assertFalse(entry.errorClass().isRetryable(), "per item it fails the item (the engine retries a request once)");
            assertFalse(entry.errorClass().stopsImport());
            assertFalse(entry.known());
            assertFalse(entry.marksFromAccount());
            assertEquals("unknown error code " + code, entry.meaning());
            assertEquals(code, entry.code());
        }
        assertFalse(ErrorCatalogue.isKnown(code));
    }

    @Test
    void levelsDifferOnlyWhereTheTableSaysSo() {
        // 70051: fatal when it is the admin (request level); permanent for an item.
        assertEquals(ErrorClass.FATAL_CONFIG, ErrorCatalogue.forRequest(70051).errorClass());
        assertEquals(ErrorClass.PERMANENT, ErrorCatalogue.forItem(70051).errorClass());
        // 30003 marks the From_Account only at request level; per item it is the To_Account that is missing.
        assertTrue(ErrorCatalogue.forRequest(30003).marksFromAccount());
        assertFalse(ErrorCatalogue.forItem(30003).marksFromAccount());
        // 30010 and 30009 mark the From_Account at both levels.
        for (int code : new int[] {30010, 30009}) {
            assertTrue(ErrorCatalogue.forRequest(code).marksFromAccount(), code + " request");
            assertTrue(ErrorCatalogue.forItem(code).marksFromAccount(), code + " item");
        }
        Set<Integer> marking = new TreeSet<>();
        Set<Integer> different = new TreeSet<>();
        for (ErrorEntry request : ErrorCatalogue.all()) {
            ErrorEntry item = ErrorCatalogue.forItem(request.code());
            if (request.marksFromAccount() || item.marksFromAccount()) {
                marking.add(request.code());
            }
            if (!request.equals(item)) {
                different.add(request.code());
            }
        }
        assertEquals(Set.of(30003, 30009, 30010), marking);
        assertEquals(Set.of(30003, 70051), different);
        assertEquals(ErrorCatalogue.all().size(), ErrorCatalogue.allForItems().size());
    }

    @Test
    void theOldFourArgumentEntryStillBuilds() {
        ErrorEntry old = new ErrorEntry(1, "x", ErrorClass.PERMANENT, false);
        assertFalse(old.marksFromAccount());
        assertEquals("", old.advice());
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
