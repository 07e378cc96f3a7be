package org.il2sim.io.output;

import java.io.IOException;
import java.nio.file.Path;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.csv.WideCsv;
import org.il2sim.io.scenario.RunResult;

/** timecourse.csv: one row per time, replicate and quantity (time,replicate,quantity,value,unit; time in min). */
public final class TidyCsv {

    private TidyCsv() {
    }

    public static void write(Path file, RunResult r) throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("time,replicate,quantity,value,unit\n");
            StringBuilder line = new StringBuilder();
            for (int rep = 0; rep < r.values().length; rep++) {
                for (int i = 0; i < r.times().length; i++) {
                    for (int k = 0; k < r.quantities().size(); k++) {
                        line.setLength(0);
                        line.append(WideCsv.format(r.times()[i])).append(',').append(rep + 1).append(',')
                                .append(r.quantities().get(k)).append(',').append(WideCsv.format(r.values()[rep][i][k]))
                                .append(',').append(r.units().get(k)).append('\n');
                        w.write(line.toString());
                    }
                }
            }
        });
    }
}
