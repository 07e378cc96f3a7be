package org.il2sim.io.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.scenario.RunResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Time-course plots with XChart: one line per quantity (the replicate mean, with a band from the 5th to the 95th
 * percentile when there are replicates), axes labelled with units, written as PNG and SVG.
 */
public final class Plots {

    private Plots() {
    }

    /** Writes timecourse.png and timecourse.svg; returns the PNG bytes (for the HTML report). */
    public static byte[] timeCourse(RunResult r, Path dir) throws IOException {
        return save(chart(r), dir, "timecourse");
    }

    /** Writes a chart as BASE.png and BASE.svg (atomically); returns the PNG bytes. */
    public static byte[] save(XYChart chart, Path dir, String base) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.writeBytes(dir.resolve(base + ".png"), out -> out.write(png));
        AtomicFiles.writeBytes(dir.resolve(base + ".svg"),
                out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return png;
    }

    /** The files {@link #save} writes for the given PNG names: each NAME.png and its NAME.svg. */
    public static java.util.List<String> files(java.util.Collection<String> pngNames) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String png : pngNames) {
            out.add(png);
            out.add(png.replaceFirst("\\.png$", ".svg"));
        }
        return out;
    }

    static XYChart chart(RunResult r) {
        String unit = commonUnit(r.units());
        TimeAxis axis = TimeAxis.of(r.times());
        XYChart chart = new XYChartBuilder().width(900).height(560).title(r.scenario().name())
                .xAxisTitle("time (" + axis.unit() + ")").yAxisTitle(unit.isEmpty() ? "value" : "value (" + unit + ")")
                .build();
        double[] times = axis.scale(r.times());
        // population sizes span decades: cells are plotted on a log axis (zero counts leave gaps)
        boolean log = unit.equals("cells");
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        int reps = r.values().length;
        for (int k = 0; k < r.quantities().size(); k++) {
            double[] mean = new double[r.times().length];
            double[] lo = new double[mean.length];
            double[] hi = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                double[] xs = new double[reps];
                for (int rep = 0; rep < reps; rep++) {
                    xs[rep] = r.values()[rep][i][k];
                    mean[i] += xs[rep] / reps;
                }
                java.util.Arrays.sort(xs);
                lo[i] = xs[(int) Math.floor(0.05 * (reps - 1))];
                hi[i] = xs[(int) Math.ceil(0.95 * (reps - 1))];
            }
            String name = r.quantities().get(k) + (unit.isEmpty() && !r.units().get(k).isEmpty()
                    ? " (" + r.units().get(k) + ")" : "");
            XYSeries s = chart.addSeries(name, times, log ? positive(mean) : mean);
            Color[] palette = chart.getStyler().getSeriesColors();
            s.setLineColor(palette[k % palette.length]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f));
            if (reps > 1) {
                // the replicate band: 5th and 95th percentiles as thin dashed lines in the series' colour
                for (double[] edge : new double[][] {lo, hi}) {
                    XYSeries b = chart.addSeries(name + (edge == lo ? " 5%" : " 95%"), times, log ? positive(edge) : edge);
                    b.setMarker(SeriesMarkers.NONE);
                    b.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {4f, 4f}, 0f));
                    b.setLineColor(s.getLineColor());
                    b.setShowInLegend(false);
                }
            }
        }
        return chart;
    }

    /**
     * Cell counts below this are solver round-off, not cells (a species at exactly 0 integrates to ±1e-17 or so);
     * on a log axis they would stretch the scale over twenty decades, so they leave gaps like zero counts.
     */
    static final double LEAST_PLOTTED_COUNT = 1e-6;

    /** NaN where y is below {@link #LEAST_PLOTTED_COUNT} (gaps on a log axis of cell counts). */
    static double[] positive(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] >= LEAST_PLOTTED_COUNT ? y[i] : Double.NaN;
        }
        return out;
    }

    /** Plots read better in hours or days for long runs; data stay in minutes. */
    record TimeAxis(String unit, double minutes) {
        static TimeAxis of(double[] times) {
            double end = times.length == 0 ? 0 : times[times.length - 1];
            if (end > 2 * 1440) {
                return new TimeAxis("days", 1440);
            }
            return end > 3 * 60 ? new TimeAxis("h", 60) : new TimeAxis("min", 1);
        }

        double[] scale(double[] t) {
            double[] out = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                out[i] = t[i] / minutes;
            }
            return out;
        }
    }

    /** The unit all quantities share, or "" when they differ. */
    private static String commonUnit(List<String> units) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(units));
        return distinct.size() == 1 ? distinct.get(0) : "";
    }
}
