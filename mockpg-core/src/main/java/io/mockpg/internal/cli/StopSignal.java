package io.mockpg.internal.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/** SIGTERM or SIGINT, awaited by a listening subcommand before it stops. */
final class StopSignal {
    private final CountDownLatch stop = new CountDownLatch(1);

    private StopSignal() {
    }

    static StopSignal install() {
        StopSignal signal = new StopSignal();
        Signal.handle(new Signal("TERM"), s -> signal.stop.countDown());
        Signal.handle(new Signal("INT"), s -> signal.stop.countDown());
        return signal;
    }

    void await() throws InterruptedException {
        stop.await();
    }
}
