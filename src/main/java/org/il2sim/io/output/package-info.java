/** The files a run leaves behind: tidy CSV, plots (PNG and SVG), a self-contained HTML report and run.json. */
package org.il2sim.io.output;
