package org.il2sim.io.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.csv.WideCsv;
import org.il2sim.io.scenario.RunResult;
import org.il2sim.io.scenario.Scenario;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Files of a sweep or knockout comparison: conditions.csv (condition,time,replicate,quantity,value,unit), one plot per
 * quantity with a line per condition (replicate means), and a report.
 */
public final class ConditionFiles {

    private ConditionFiles() {
    }

    public static void writeCsv(Path file, List<Scenario.Condition> conditions, List<RunResult> runs) throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("condition,time,replicate,quantity,value,unit\n");
            for (int c = 0; c < runs.size(); c++) {
                RunResult r = runs.get(c);
                for (int rep = 0; rep < r.values().length; rep++) {
                    for (int i = 0; i < r.times().length; i++) {
                        for (int k = 0; k < r.quantities().size(); k++) {
                            w.write(conditions.get(c).name() + "," + WideCsv.format(r.times()[i]) + "," + (rep + 1)
                                    + "," + r.quantities().get(k) + "," + WideCsv.format(r.values()[rep][i][k]) + ","
                                    + r.units().get(k) + "\n");
                        }
                    }
                }
            }
        });
    }

    /** One PNG and SVG per quantity; returns file name → PNG bytes. */
    public static Map<String, byte[]> writePlots(Path dir, List<Scenario.Condition> conditions, List<RunResult> runs)
            throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        RunResult first = runs.get(0);
        for (int k = 0; k < first.quantities().size(); k++) {
            String q = first.quantities().get(k);
            String unit = first.units().get(k);
            Plots.TimeAxis axis = Plots.TimeAxis.of(first.times());
            XYChart chart = new XYChartBuilder().width(800).height(520).title(q).xAxisTitle("time (" + axis.unit() + ")")
                    .yAxisTitle(unit.isEmpty() ? q : q + " (" + unit + ")").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            // cell populations span decades, as in the time-course plot: log axis, zero counts leave gaps
            boolean log = unit.equals("cells");
            chart.getStyler().setYAxisLogarithmic(log);
            Color[] palette = chart.getStyler().getSeriesColors();
            for (int c = 0; c < runs.size(); c++) {
                RunResult r = runs.get(c);
                double[] mean = new double[r.times().length];
                for (double[][] rep : r.values()) {
                    for (int i = 0; i < mean.length; i++) {
                        mean[i] += rep[i][k] / r.values().length;
                    }
                }
                XYSeries s = chart.addSeries(conditions.get(c).name(), axis.scale(r.times()),
                        log ? Plots.positive(mean) : mean);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(palette[c % palette.length]);
                s.setLineStyle(new BasicStroke(2f));
            }
            String base = "condition_" + q.replaceAll("[^A-Za-z0-9_.-]", "_");
            out.put(base + ".png", Plots.save(chart, dir, base));
        }
        return out;
    }

    /** The runs' tolerances: the solver's (the scenario's), or a tissue model's field tolerance(s), per condition. */
    private static String toleranceText(List<RunResult> runs) {
        java.util.Set<String> texts = new java.util.LinkedHashSet<>();
        runs.forEach(r -> texts.add(r.toleranceText()));
        if (texts.size() == 1) {
            return texts.iterator().next();
        }
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        runs.forEach(r -> values.add(String.format(Locale.ROOT, "%.3g", r.fieldTolerance())));
        return "IL-2 field solve to the relative residual each condition sets (field_tolerance " + String.join(", ",
                values) + "); the solver's rtol and atol do not apply";
    }

    public static void writeReport(Path file, Scenario s, List<Scenario.Condition> conditions, List<RunResult> runs,
                                   Map<String, byte[]> plots, String version) throws IOException {
        StringBuilder h = new StringBuilder();
        HtmlReport.head(h, s.name());
        h.append("<h1>")
                .append(HtmlReport.esc(s.name())).append("</h1>\n<p>").append(HtmlReport.esc(s.description()))
                .append("</p>\n<p>").append(HtmlReport.esc(s.experiment())).append(" of ").append(conditions.size())
                .append(" conditions; method ").append(HtmlReport.esc(runs.get(0).method())).append(", ")
                .append(HtmlReport.esc(toleranceText(runs)))
                .append(String.format(Locale.ROOT, "; seed %d; %s</p>\n", s.seed(), HtmlReport.esc(version)));
        h.append("<table><tr><th>condition</th><th>changes</th><th>wall time (ms)</th></tr>\n");
        for (int c = 0; c < conditions.size(); c++) {
            Scenario.Condition cond = conditions.get(c);
            Map<String, Double> changes = new LinkedHashMap<>(cond.parameters());
            changes.putAll(cond.initial());
            h.append("<tr><td>").append(HtmlReport.esc(cond.name())).append("</td><td>")
                    .append(HtmlReport.esc(changes.toString())).append("</td><td>").append(runs.get(c).wallMillis())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        plots.forEach((name, png) -> h.append("<img alt=\"").append(HtmlReport.esc(name))
                .append("\" style=\"max-width:49%\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n"));
        HtmlReport.parameterTable(h, "Parameters (baseline)", runs.get(0));
        h.append("<h2>Scenario</h2>\n<pre>").append(HtmlReport.esc(s.text())).append("</pre></body></html>\n");
        AtomicFiles.write(file, w -> w.write(h.toString()));
    }
}
