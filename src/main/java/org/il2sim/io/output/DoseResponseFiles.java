package org.il2sim.io.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.analysis.HillFit;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.csv.WideCsv;
import org.il2sim.models.gammachain.DoseResponse;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The files of a dose-response experiment: dose_response.csv (every point), ec50.csv (a four-parameter Hill fit per
 * cell, ligand, time and read-out) and plots per ligand and time of active complexes and, with the signalling layer,
 * pSTAT5 (curves per cell type on a log dose axis).
 */
public final class DoseResponseFiles {

    public static final List<String> READOUTS = List.of("active_complexes", "pstat5", "perk", "pakt");

    /** One EC50 row. */
    public record Ec50(String cell, String ligand, double time, String readout, HillFit.Result fit) {
    }

    private DoseResponseFiles() {
    }

    /** What {@link #writeAll} wrote: the fits and the plots (file name to PNG bytes). */
    public record Written(List<Ec50> fits, Map<String, byte[]> plots) {
    }

    /** Writes dose_response.csv, ec50.csv and the plots into dir. */
    public static Written writeAll(Path dir, List<DoseResponse.Point> points) throws IOException {
        writePoints(dir.resolve("dose_response.csv"), points);
        List<Ec50> fits = fits(points);
        writeFits(dir.resolve("ec50.csv"), fits);
        return new Written(fits, writePlots(dir, points));
    }

    public static void writePoints(Path file, List<DoseResponse.Point> points) throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("cell,ligand,dose_nM,time_min,active_complexes,pSTAT5,pERK,pAkt,medium_nM\n");
            for (DoseResponse.Point p : points) {
                w.write(p.cell() + "," + p.ligand() + "," + WideCsv.format(p.doseNanomolar()) + ","
                        + WideCsv.format(p.timeMinutes()) + "," + WideCsv.format(p.activeComplexes()) + ","
                        + WideCsv.format(p.pstat5()) + "," + WideCsv.format(p.perk()) + ","
                        + WideCsv.format(p.pakt()) + "," + WideCsv.format(p.mediumNanomolar()) + "\n");
            }
        });
    }

    /** Hill fits for every cell, ligand, time and read-out, in that order. */
    public static List<Ec50> fits(List<DoseResponse.Point> points) {
        Map<String, List<DoseResponse.Point>> groups = new LinkedHashMap<>();
        for (DoseResponse.Point p : points) {
            groups.computeIfAbsent(p.cell() + "\u0000" + p.ligand() + "\u0000" + p.timeMinutes(), k -> new ArrayList<>())
                    .add(p);
        }
        List<Ec50> out = new ArrayList<>();
        for (List<DoseResponse.Point> g : groups.values()) {
            g.sort((a, b) -> Double.compare(a.doseNanomolar(), b.doseNanomolar()));
            double[] x = new double[g.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = g.get(i).doseNanomolar();
            }
            for (String readout : READOUTS) {
                double[] y = new double[x.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = value(g.get(i), readout);
                }
                DoseResponse.Point first = g.get(0);
                out.add(new Ec50(first.cell(), first.ligand(), first.timeMinutes(), readout, HillFit.fit(x, y)));
            }
        }
        return out;
    }

    public static void writeFits(Path file, List<Ec50> fits) throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("cell,ligand,time_min,readout,ec50_nM,hill,emax\n");
            for (Ec50 e : fits) {
                w.write(e.cell() + "," + e.ligand() + "," + WideCsv.format(e.time()) + "," + e.readout() + ","
                        + WideCsv.format(e.fit().ec50()) + "," + WideCsv.format(e.fit().hill()) + ","
                        + WideCsv.format(e.fit().emax()) + "\n");
            }
        });
    }

    /**
     * One PNG (and SVG) per ligand and time of the active complexes ({@code dose_response_<ligand>_<t>min}) and, when
     * the points have the signalling read-outs, of pSTAT5 ({@code dose_response_pSTAT5_<ligand>_<t>min}); returns the
     * PNG file names with their bytes, for the report.
     */
    public static Map<String, byte[]> writePlots(Path dir, List<DoseResponse.Point> points) throws IOException {
        Set<String> ligands = new LinkedHashSet<>();
        Set<Double> times = new LinkedHashSet<>();
        Set<String> cells = new LinkedHashSet<>();
        boolean signalling = false;
        for (DoseResponse.Point p : points) {
            ligands.add(p.ligand());
            times.add(p.timeMinutes());
            cells.add(p.cell());
            signalling |= !Double.isNaN(p.pstat5());
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String ligand : ligands) {
            for (double t : times) {
                String base = String.format(Locale.ROOT, "dose_response_%s_%smin", ligand, WideCsv.format(t));
                out.put(base + ".png", plot(dir, base, points, cells, ligand, t, "active_complexes",
                        "active complexes (molecules/cell)"));
            }
        }
        if (signalling) {
            for (String ligand : ligands) {
                for (double t : times) {
                    String base = String.format(Locale.ROOT, "dose_response_pSTAT5_%s_%smin", ligand,
                            WideCsv.format(t));
                    out.put(base + ".png", plot(dir, base, points, cells, ligand, t, "pstat5",
                            "pSTAT5 (fraction of STAT5)"));
                }
            }
        }
        return out;
    }

    private static byte[] plot(Path dir, String base, List<DoseResponse.Point> points, Set<String> cells,
                               String ligand, double t, String readout, String axis) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(520)
                .title(ligand + ", " + WideCsv.format(t) + " min").xAxisTitle(ligand + " (nM)").yAxisTitle(axis)
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        Color[] palette = chart.getStyler().getSeriesColors();
        int k = 0;
        for (String cell : cells) {
            List<double[]> xy = new ArrayList<>();
            for (DoseResponse.Point p : points) {
                if (p.ligand().equals(ligand) && p.cell().equals(cell) && p.timeMinutes() == t) {
                    xy.add(new double[] {p.doseNanomolar(), value(p, readout)});
                }
            }
            xy.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = xy.stream().mapToDouble(a -> a[0]).toArray();
            double[] y = xy.stream().mapToDouble(a -> a[1]).toArray();
            XYSeries s = chart.addSeries(cell, x, y);
            s.setLineColor(palette[k % palette.length]);
            s.setMarkerColor(palette[k % palette.length]);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2f));
            k++;
        }
        return Plots.save(chart, dir, base);
    }

    static double value(DoseResponse.Point p, String readout) {
        return switch (readout) {
            case "active_complexes" -> p.activeComplexes();
            case "pstat5" -> p.pstat5();
            case "perk" -> p.perk();
            case "pakt" -> p.pakt();
            default -> throw new IllegalArgumentException(readout);
        };
    }
}
