package org.il2sim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.il2sim.io.AtomicFiles;
import org.il2sim.models.gammachain.ParameterSet;
import org.il2sim.models.gammachain.Yt1Fit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits model parameters to data by penalised least squares in log space (Levenberg-Marquardt, "
                + "Hipparchus), centred on the reference values with log-normal penalties.",
                "Data set yt1: the γc model on YT-1 cells against the data the reference model was fitted to "
                        + "(Ring 2012 pSTAT5 at 500 min and surface IL-2Rb; Mitra 2015 surface gc). "
                        + "Writes DIR/fit.tsv (estimates with approximate 95%% intervals), DIR/residuals.csv (data, "
                        + "model at the start and at the estimate) and DIR/parameters.tsv (the full parameter file "
                        + "with the fitted values, ready to use as a parameter set)."},
        footer = {"", "Examples:", "  il2sim fit yt1 --out fit",
                "  il2sim fit yt1 --gamma-chain measured --out fit-measured-gc",
                "  il2sim fit yt1 --parameters k5,k22 --max-iterations 10 --out fit-small",
                "  il2sim fit yt1 --trans-presented --parameters k_tp --out fit-il15-trans"})
final class FitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA", description = "Data set to fit: yt1.")
    String dataSet;

    @Option(names = "--parameters", split = ",", paramLabel = "ID",
            description = "Parameters to fit (base parameters of the set, or YT-1 synthesis rates Rexpr_<receptor>). "
                    + "Default: the reference fit's binding and trafficking rates.")
    List<String> parameters;

    @Option(names = "--gamma-chain", defaultValue = "fitted", paramLabel = "fitted|measured",
            description = "YT-1 γc: the reference fit's synthesis rate (fitted) or the measured count of "
                    + "YT_1_receptor_levels.csv (measured). Default: ${DEFAULT-VALUE}.")
    String gammaChain;

    @Option(names = "--trans-presented",
            description = "Also fit the IL-15·IL-15Ra data of Ring 2012 (trans-presented IL-15; its off-rate k_tp).")
    boolean transPresented;

    @Option(names = "--readout", defaultValue = "active_complexes", paramLabel = "active_complexes|pstat5",
            description = "Model read-out compared with Ring's pSTAT5 curves: active complexes (as the reference fit) "
                    + "or the signalling layer's pSTAT5 (parameter set il2sim; its K_STAT5 can then be fitted). "
                    + "Default: ${DEFAULT-VALUE}.")
    String readout;

    @Option(names = "--prior-sigma", defaultValue = "1.0", paramLabel = "S",
            description = "Width of the log-normal penalty around the reference values (in ln units; "
                    + "Infinity for none). Default: ${DEFAULT-VALUE}.")
    double priorSigma;

    @Option(names = "--max-iterations", defaultValue = "50", paramLabel = "N",
            description = "Levenberg-Marquardt iterations at most. Default: ${DEFAULT-VALUE}.")
    int maxIterations;

    @CommandLine.Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!"yt1".equals(dataSet)) {
            throw new UserInputException("unknown data set '" + dataSet + "'; known: yt1");
        }
        if (!"fitted".equals(gammaChain) && !"measured".equals(gammaChain)) {
            throw new UserInputException("--gamma-chain must be fitted or measured, got '" + gammaChain + "'");
        }
        if (!(priorSigma > 0)) {
            throw new UserInputException("--prior-sigma must be positive (Infinity for no penalty)");
        }
        if (maxIterations < 1) {
            throw new UserInputException("--max-iterations must be at least 1");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " exists and is not a folder");
        }
        if (!"active_complexes".equals(readout) && !"pstat5".equals(readout)) {
            throw new UserInputException("--readout must be active_complexes or pstat5, got '" + readout + "'");
        }
        Yt1Fit.Readout read = "pstat5".equals(readout) ? Yt1Fit.Readout.PSTAT5 : Yt1Fit.Readout.ACTIVE_COMPLEXES;
        List<String> ids = parameters == null ? Yt1Fit.DEFAULT_PARAMETERS : parameters;
        // k_tp and the signalling layer are il2sim extensions: those fits start from the il2sim set, which has them
        ParameterSet reference = transPresented || read == Yt1Fit.Readout.PSTAT5
                ? ParameterSet.named(ParameterSet.DEFAULT) : ParameterSet.reference();
        Yt1Fit fit;
        try {
            fit = new Yt1Fit(new Yt1Fit.Setup(ids, "measured".equals(gammaChain), transPresented, priorSigma,
                    maxIterations, threads.count(), read),
                    reference);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        long started = System.nanoTime();
        Yt1Fit.Outcome o = fit.run();
        String command = "il2sim fit yt1 --gamma-chain " + gammaChain + (transPresented ? " --trans-presented" : "")
                + " --readout " + readout
                + " --prior-sigma " + priorSigma + " --max-iterations " + maxIterations + " --parameters "
                + String.join(",", ids);
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("fit.tsv"), w -> {
            w.write("id\tstart\testimate\tlower95\tupper95\n");
            for (Yt1Fit.Estimate e : o.estimates()) {
                w.write(String.format(Locale.ROOT, "%s\t%.6g\t%.6g\t%.6g\t%.6g%n", e.id(), e.start(), e.value(),
                        e.lower95(), e.upper95()));
            }
        });
        AtomicFiles.write(out.resolve("residuals.csv"), w -> {
            w.write("experiment,condition,x,data,model_start,model_fit\n");
            for (int i = 0; i < o.atEstimate().size(); i++) {
                Yt1Fit.Residual r = o.atEstimate().get(i);
                w.write(String.format(Locale.ROOT, "%s,%s,%.6g,%.6g,%.6g,%.6g%n", r.experiment(), r.condition(),
                        r.x(), r.data(), o.atStart().get(i).model(), r.model()));
            }
        });
        Map<String, Yt1Fit.Estimate> fitted = new java.util.LinkedHashMap<>();
        o.estimates().forEach(e -> fitted.put(e.id(), e));
        AtomicFiles.write(out.resolve("parameters.tsv"), w -> w.write(parameterFile(fitted, command,
                transPresented || read == Yt1Fit.Readout.PSTAT5, read == Yt1Fit.Readout.PSTAT5)));
        PrintWriter p = spec.commandLine().getOut();
        p.printf(Locale.ROOT, "%-10s %12s %12s %25s%n", "parameter", "start", "estimate", "approx. 95% interval");
        for (Yt1Fit.Estimate e : o.estimates()) {
            p.printf(Locale.ROOT, "%-10s %12.4g %12.4g   [%10.4g, %10.4g]%n", e.id(), e.start(), e.value(),
                    e.lower95(), e.upper95());
        }
        p.printf(Locale.ROOT, "sum of squared residuals: %.4f at the start, %.4f at the estimate (%d points, %d "
                        + "iterations, %d model evaluations, %.1f s)%n", o.startCost(), o.cost(), o.atEstimate().size(),
                o.iterations(), o.evaluations(), (System.nanoTime() - started) / 1e9);
        if (!o.converged()) {
            p.println("not converged: stopped at --max-iterations " + maxIterations + " (the best point so far is "
                    + "reported)");
        }
        if (ids.stream().anyMatch(id -> id.contains("Rexpr_"))) {
            p.println("YT-1 synthesis rates are cell-line values, not parameters of a set: they are in fit.tsv only");
        }
        p.println("wrote fit.tsv, residuals.csv and parameters.tsv to " + out);
        p.flush();
        return ExitCode.OK;
    }

    /**
     * The reference parameter file (and, for fits that start from the il2sim set — the IL-15·IL-15Rα fit and the
     * pSTAT5 read-out — il2sim's extension rows; for the pSTAT5 read-out also the signalling layer's rows) with the fitted values and their intervals replaced, and their source
     * saying how they were made.
     */
    static String parameterFile(Map<String, Yt1Fit.Estimate> fitted, String command, boolean withExtensions,
                                boolean withSignalling) throws IOException {
        List<String> lines = new ArrayList<>(read("parameters-IL2_IL15.tsv"));
        if (withExtensions) {
            List<String> extensions = read("parameters-il2sim.tsv");
            lines.addAll(extensions.subList(1, extensions.size()));
        }
        if (withSignalling) {
            List<String> signalling = read("parameters-signalling.tsv");
            lines.addAll(signalling.subList(1, signalling.size()));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Yt1Fit.Estimate e = fitted.get(f[0]);
            if (e != null) {
                f[1] = String.format(Locale.ROOT, "%.6g", e.value());
                f[3] = Double.isNaN(e.lower95()) ? "" : String.format(Locale.ROOT, "%.6g", e.lower95());
                f[4] = Double.isNaN(e.upper95()) ? "" : String.format(Locale.ROOT, "%.6g", e.upper95());
                f[5] = "fitted";
                f[6] = "refitted: " + command + " (YT-1 data only; was " + line.split("\t", -1)[1] + ")";
            }
            sb.append(String.join("\t", f)).append('\n');
        }
        return sb.toString();
    }

    private static List<String> read(String file) throws IOException {
        try (InputStream in = ParameterSet.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
