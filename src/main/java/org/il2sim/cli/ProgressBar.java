package org.il2sim.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal (stderr) with the fraction done and an ETA; it appears only once a run has
 * taken a second and never when output is not a terminal or with --quiet.
 */
final class ProgressBar {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    synchronized void update(double fraction) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NANOS || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double f = Math.max(0, Math.min(1, fraction));
        int width = 30;
        int filled = (int) Math.round(f * width);
        double elapsed = (now - start) / 1e9;
        String eta = f > 0 ? String.format(Locale.ROOT, "%.0f s left", elapsed * (1 - f) / f) : "";
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%% ", 100 * f) + eta + "   ");
        err.flush();
        drawn = true;
    }

    synchronized void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
