package io.prmos.metadata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void rangesMatchVersions() {
        VersionRange caret = VersionRange.parse("^1.2").orElseThrow();
        assertTrue(caret.includes(SemVer.parse("1.9.0").orElseThrow()));
        assertTrue(!caret.includes(SemVer.parse("2.0.0").orElseThrow()));
    }

    /** Issue 11 fuzzing: a version number beyond an int threw NumberFormatException out of the loader. */
    @Test
    void aNumberBeyondAnIntIsNotARangeRatherThanAnException() {
        assertEquals(Optional.empty(), VersionRange.parse("4116463725466309026"));
        assertEquals(Optional.empty(), VersionRange.parse("^1.99999999999"));
        assertTrue(VersionRange.parse("^999999999.0").isPresent());
    }
}
