package io.timport.simulator;

/** The simulator's time: monotonic nanoseconds for rate windows and lockouts, Unix seconds for UserSig expiry. */
interface SimClock {
    long nanoTime();

    long epochSeconds();

    SimClock SYSTEM = new SimClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochSeconds() {
            return System.currentTimeMillis() / 1000;
        }
    };
}
