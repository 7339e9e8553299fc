package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The model of the server's sliding second, on numbers alone. */
class ServerWindowTest {

    private static final long MS = 1_000_000L;

    @Test
    void theCeilingIsThePacesLimit() {
        assertEquals(200, ServerWindow.forPace(196).ceiling());
        assertEquals(102, ServerWindow.forPace(100).ceiling());
        assertNull(ServerWindow.forPace(Double.POSITIVE_INFINITY), "an unbounded pace has nothing to model");
    }

    @Test
    void callsInFlightCountUntilAnsweredAndAdmittedOnesForOneSecondFromTheirEstimatedAdmission() {
        ServerWindow w = new ServerWindow(3);
        w.sent(0);
        w.sent(0);
        assertTrue(w.hasRoom(0));
        w.sent(0);
        assertFalse(w.hasRoom(0), "three in flight fill a ceiling of three");
        assertEquals(EngineCore.NEVER, w.roomAt(0), "only an answer can make room");
        w.answered(0, 50 * MS, true); // fastest round trip 50 ms: admitted at 0
        w.answered(0, 60 * MS, true); // admitted at 10 ms
        w.answered(0, 70 * MS, false); // throttled: never counted
        assertEquals(2, w.counted(70 * MS));
        assertTrue(w.hasRoom(70 * MS));
        w.sent(70 * MS);
        assertFalse(w.hasRoom(70 * MS));
        assertEquals(1_000 * MS + 1, w.roomAt(70 * MS), "the oldest leaves the second");
        assertTrue(w.counted(1_000 * MS) == 2);
        assertTrue(w.hasRoom(1_010 * MS));
    }

    @Test
    void callsHeldByAStallCountFromTheStallsEnd() {
        // pacing 4 calls/s under a ceiling of 5; every call answered 50 ms after it is admitted
        ServerWindow w = new ServerWindow(5);
        w.sent(0);
        w.answered(0, 50 * MS, true);
        // a stall from 200 to 600 ms: the calls of 250 and 500 ms are admitted at 600 ms with the one of 600
        w.sent(250 * MS);
        w.sent(500 * MS);
        w.sent(600 * MS); // 3 in flight + 1 admitted
        w.answered(250 * MS, 650 * MS, true);
        w.answered(500 * MS, 650 * MS, true);
        w.answered(600 * MS, 650 * MS, true);
        // the second that ends at 1,599 ms holds the three of 600 ms: 750, 1000, 1250 make it 6 > 5
        for (long t : new long[] {750, 1000}) {
            assertTrue(w.hasRoom(t * MS), "room at " + t);
            w.sent(t * MS);
            w.answered(t * MS, (t + 50) * MS, true);
        }
        assertFalse(w.hasRoom(1_250 * MS), "the call of 1,250 ms would be the sixth in the server's second");
        assertEquals(1_600 * MS + 1, w.roomAt(1_250 * MS), "it waits until the stall's calls leave the second");
        assertTrue(w.hasRoom(1_600 * MS + 1));
    }

    @Test
    void aDelayEveryCallHasDoesNotCountTwice() {
        // 100 calls a second, every answer 300 ms after its call (a slower server, or a busy client): the second
        // holds the last second's calls, about 100, not the 130 that counting each from its answer would make
        ServerWindow w = new ServerWindow(200);
        for (int i = 0; i < 1_000; i++) {
            long sent = i * 10 * MS;
            w.sent(sent);
            if (i >= 30) {
                long earlier = (i - 30) * 10 * MS;
                w.answered(earlier, earlier + 300 * MS, true);
            }
        }
        int counted = w.counted(9_990 * MS);
        assertTrue(counted >= 99 && counted <= 102, "counted " + counted);
    }

    @Test
    void aThrottledAnswerLowersTheCeilingAtMostOnceASecondWhichThenClimbsBack() {
        ServerWindow w = new ServerWindow(200);
        w.throttled(0);
        assertEquals(196, w.cap(0), 1e-9);
        w.throttled(500 * MS);
        assertEquals(197, w.cap(500 * MS), 1e-9, "not cut again within a second; climbing 2 calls/s");
        w.throttled(1_000 * MS);
        assertEquals(194, w.cap(1_000 * MS), 1e-9);
        assertTrue(w.roomAt(1_000 * MS) <= 1_010 * MS, "looks again while the ceiling climbs");
        assertEquals(200, w.cap(4_000 * MS), 1e-9, "back at the ceiling, never above");
    }

    @Test
    void theCeilingNeverDropsUnderHalf() {
        ServerWindow w = new ServerWindow(100);
        for (int s = 0; s < 100; s++) {
            w.throttled(s * 1_000 * MS);
        }
        assertTrue(w.cap(100_000 * MS - 1_000 * MS) >= 50, "at least half");
    }
}
