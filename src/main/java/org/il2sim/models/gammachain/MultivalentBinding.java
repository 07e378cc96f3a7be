package org.il2sim.models.gammachain;

import org.il2sim.models.tables.DataTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steady-state multivalent binding model (Tan/Meyer "polyc"; Orcutt-Jahns et al. 2023, gc-valent
 * {@code ckine/MBmodel.py}; reference §3.2) for Fc-fused IL-2 and its muteins (SYSTEM.md B10).
 *
 * <p>A ligand complex θ carries θ_i subunits of type i; subunit i binds receptor j with affinity Ka_ij (M⁻¹). The first
 * bond of a complex forms from solution (weight L0·Ka), every further bond of the same complex on the cell with weight
 * R_eq,j·Ka_ij·Kx* = ψ_ij. Summing over every state of every subunit (unbound, or bound to receptor j) with at least one
 * bond gives, with S_i = 1 + Σ_j ψ_ij (the 1 is the unbound state of a subunit),
 * <pre>
 *   R_bound,n = (L0/Kx*) · Σ_θ C_θ · [Σ_i θ_i ψ_in / S_i] · Π_i S_i^θ_i
 * </pre>
 * and mass balance R_tot,n = R_eq,n + R_bound,n is solved for R_eq by a damped Newton iteration in log R_eq.
 * (The reference's text writes Σ_j ψ_ij without the unbound term; valentBind's polyc pads Ψ with a column of ones,
 * and only that form reduces to the monovalent equilibrium for valency 1 with two subunit types.)
 *
 * <p>IL-2 encoding (gc-valent {@code cytBindingModel}): a valency-v complex has v α-binding subunits (Ka = 1/KD_α on
 * IL-2Rα) and v βγ-binding subunits (Ka = 1/KD_βγ on IL-2Rβ); the off-diagonal Ka is {@link #kaOffDiagonal()}. γc is
 * implicit. Read-out: R_bound(IL-2Rβ) per cell, the reference's pSTAT5 up to a per-cell scale.
 */
public final class MultivalentBinding {

    private static final String RESOURCE = "multivalent-binding.tsv";
    /** Unit conversion: 1 nM in M. */
    private static final double MOLAR_PER_NANOMOLAR = 1e-9;
    private static final double TOLERANCE = 1e-13;
    private static final int MAX_ITERATIONS = 500;
    private static final int MAX_HALVINGS = 60;

    private static final double KX_STAR;
    private static final double KA_OFF_DIAGONAL;
    private static final int MAX_VALENCY;
    private static final List<Map<String, String>> ROWS;

    static {
        DataTable t = DataTable.tsv(MultivalentBinding.class, RESOURCE);
        ROWS = t.rows().stream().map(DataTable.Row::fields).toList();
        double kx = Double.NaN;
        double off = Double.NaN;
        double max = Double.NaN;
        for (DataTable.Row row : t.rows()) {
            switch (row.get("id")) {
                case "kx_star" -> kx = t.number(row, "value");
                case "ka_off_diagonal" -> off = t.number(row, "value");
                case "max_valency" -> max = t.number(row, "value");
                default -> throw new IllegalStateException(RESOURCE + ": unknown parameter " + row.get("id"));
            }
        }
        if (!(kx > 0) || !(off >= 0) || !(max >= 1) || max != Math.rint(max)) {
            throw new IllegalStateException(RESOURCE + ": kx_star, ka_off_diagonal and a whole max_valency >= 1 are"
                    + " required");
        }
        MAX_VALENCY = (int) max;
        KX_STAR = kx;
        KA_OFF_DIAGONAL = off;
    }

    /** Index of IL-2Rα in the IL-2 encoding's receptor vector. */
    public static final int ALPHA = 0;
    /** Index of IL-2Rβ in the IL-2 encoding's receptor vector. */
    public static final int BETA = 1;

    private MultivalentBinding() {
    }

    /** Crosslinking constant Kx* (M per molecule/cell), from multivalent-binding.tsv. */
    public static double kxStar() {
        return KX_STAR;
    }

    /** The largest valency accepted (multivalent-binding.tsv: the closed form's numerical range, with a margin). */
    public static int maxValency() {
        return MAX_VALENCY;
    }

    /** The model's own parameters as in multivalent-binding.tsv: id, value, unit, source and note per row. */
    public static List<Map<String, String>> parameterRows() {
        return ROWS;
    }

    /** Ka (M⁻¹) of a subunit for the receptor it does not target, from multivalent-binding.tsv. */
    public static double kaOffDiagonal() {
        return KA_OFF_DIAGONAL;
    }

    /**
     * Bound receptors per cell at given free receptors (the closed-form sum, no mass balance).
     *
     * @param ligandMolar complex concentration L0 (M)
     * @param kxStar crosslinking constant (M per molecule/cell)
     * @param free R_eq per receptor (#/cell)
     * @param complexes θ: one row per complex, subunit counts per subunit type
     * @param fractions C_θ per complex (sum 1)
     * @param ka Ka (M⁻¹) per subunit type (rows) and receptor (columns)
     */
    public static double[] bound(double ligandMolar, double kxStar, double[] free, int[][] complexes,
                                 double[] fractions, double[][] ka) {
        double[] rb = new double[free.length];
        evaluate(ligandMolar, kxStar, free, complexes, fractions, ka, rb, null);
        return rb;
    }

    /**
     * Solves mass balance R_tot = R_eq + R_bound(R_eq).
     *
     * @return R_bound per receptor (#/cell)
     * @throws IllegalStateException when the iteration does not converge
     */
    public static double[] solve(double ligandMolar, double kxStar, double[] total, int[][] complexes,
                                 double[] fractions, double[][] ka) {
        double[] free = solveFree(ligandMolar, kxStar, total, complexes, fractions, ka);
        return bound(ligandMolar, kxStar, free, complexes, fractions, ka);
    }

    /** The free receptors R_eq (#/cell) at mass balance. */
    public static double[] solveFree(double ligandMolar, double kxStar, double[] total, int[][] complexes,
                                     double[] fractions, double[][] ka) {
        int n = total.length;
        double[] req = new double[n];
        if (!(ligandMolar > 0)) {
            System.arraycopy(total, 0, req, 0, n);
            return req;
        }
        double[] rb = new double[n];
        double[][] jac = new double[n][n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            if (total[i] < 0) {
                throw new IllegalArgumentException("negative receptor count " + total[i]);
            }
            req[i] = total[i];
        }
        double norm = residual(ligandMolar, kxStar, req, total, complexes, fractions, ka, rb, jac, f);
        for (int it = 0; it < MAX_ITERATIONS && norm > TOLERANCE; it++) {
            // Newton step in u = log R_eq: J_log[a][m] = dF_a/dR_m · R_m / R_tot,a with F_a = (R_eq + R_bound)/R_tot - 1.
            double[][] a = new double[n][n];
            double[] rhs = new double[n];
            for (int r = 0; r < n; r++) {
                for (int m = 0; m < n; m++) {
                    a[r][m] = total[r] > 0 ? jac[r][m] * req[m] / total[r] : (r == m ? 1 : 0);
                }
                rhs[r] = -f[r];
            }
            double[] du = solveLinear(a, rhs);
            double step = 1;
            double[] trial = new double[n];
            double trialNorm = Double.POSITIVE_INFINITY;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                for (int m = 0; m < n; m++) {
                    trial[m] = req[m] * Math.exp(step * du[m]);
                }
                trialNorm = residual(ligandMolar, kxStar, trial, total, complexes, fractions, ka, rb, jac, f);
                if (trialNorm < norm) {
                    break;
                }
                step /= 2;
            }
            if (!(trialNorm < norm)) {
                break;
            }
            System.arraycopy(trial, 0, req, 0, n);
            norm = trialNorm;
        }
        if (!(norm <= TOLERANCE * 10)) {
            throw new IllegalStateException("multivalent binding: mass balance not solved (relative residual " + norm
                    + ") at L0 = " + ligandMolar + " M");
        }
        return req;
    }

    /** F = (R_eq + R_bound)/R_tot - 1 into f, its Jacobian dR_bound/dR_eq + I into jac; returns max |F|. */
    private static double residual(double l0, double kx, double[] req, double[] total, int[][] complexes,
                                   double[] fractions, double[][] ka, double[] rb, double[][] jac, double[] f) {
        evaluate(l0, kx, req, complexes, fractions, ka, rb, jac);
        double max = 0;
        for (int r = 0; r < req.length; r++) {
            jac[r][r] += 1;
            f[r] = total[r] > 0 ? (req[r] + rb[r]) / total[r] - 1 : req[r];
            max = Math.max(max, Math.abs(f[r]));
        }
        return Double.isFinite(max) ? max : Double.POSITIVE_INFINITY;
    }

    private static void evaluate(double l0, double kx, double[] req, int[][] complexes, double[] fractions,
                                 double[][] ka, double[] rb, double[][] jac) {
        int nl = ka.length;
        int nr = req.length;
        double[][] psi = new double[nl][nr];
        double[] s = new double[nl];
        for (int i = 0; i < nl; i++) {
            s[i] = 1;
            for (int j = 0; j < nr; j++) {
                psi[i][j] = req[j] * ka[i][j] * kx;
                s[i] += psi[i][j];
            }
        }
        java.util.Arrays.fill(rb, 0);
        if (jac != null) {
            for (double[] row : jac) {
                java.util.Arrays.fill(row, 0);
            }
        }
        double scale = l0 / kx;
        for (int c = 0; c < complexes.length; c++) {
            int[] theta = complexes[c];
            double logP = 0;
            for (int i = 0; i < nl; i++) {
                logP += theta[i] * Math.log(s[i]);
            }
            double w = scale * fractions[c] * Math.exp(logP);
            double[] frac = new double[nr];
            for (int nIdx = 0; nIdx < nr; nIdx++) {
                for (int i = 0; i < nl; i++) {
                    frac[nIdx] += theta[i] * psi[i][nIdx] / s[i];
                }
                rb[nIdx] += w * frac[nIdx];
            }
            if (jac != null) {
                for (int m = 0; m < nr; m++) {
                    double dLogP = 0;
                    for (int k = 0; k < nl; k++) {
                        dLogP += theta[k] * ka[k][m] * kx / s[k];
                    }
                    for (int nIdx = 0; nIdx < nr; nIdx++) {
                        double dFrac = 0;
                        for (int i = 0; i < nl; i++) {
                            double aim = ka[i][m] * kx;
                            dFrac += theta[i] * ((nIdx == m ? ka[i][nIdx] * kx : 0) / s[i]
                                    - psi[i][nIdx] * aim / (s[i] * s[i]));
                        }
                        jac[nIdx][m] += w * (dLogP * frac[nIdx] + dFrac);
                    }
                }
            }
        }
    }

    /** Gaussian elimination with partial pivoting (the systems are 2×2 to a few receptors). */
    private static double[] solveLinear(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[] x = b.clone();
        for (int col = 0; col < n; col++) {
            int p = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[p][col])) {
                    p = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[p];
            m[p] = tmp;
            double t = x[col];
            x[col] = x[p];
            x[p] = t;
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int k = col; k < n; k++) {
                    m[r][k] -= factor * m[col][k];
                }
                x[r] -= factor * x[col];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double sum = x[r];
            for (int k = r + 1; k < n; k++) {
                sum -= m[r][k] * x[k];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }

    /** The IL-2 affinity matrix (subunit type × receptor, M⁻¹): rows α-binding, βγ-binding; columns IL-2Rα, IL-2Rβ. */
    public static double[][] il2Affinities(LigandDefinition ligand) {
        if (!(ligand.kdAlpha() > 0) || !(ligand.kdBetaGamma() > 0)) {
            throw new IllegalArgumentException("ligand " + ligand.id() + " has no K_D for IL-2Ra and IL-2Rb/gc; the "
                    + "multivalent model needs an IL-2 variant");
        }
        return new double[][]{
                {1 / (ligand.kdAlpha() * MOLAR_PER_NANOMOLAR), KA_OFF_DIAGONAL},
                {KA_OFF_DIAGONAL, 1 / (ligand.kdBetaGamma() * MOLAR_PER_NANOMOLAR)}};
    }

    /**
     * R_bound of IL-2Rα and IL-2Rβ (#/cell, indices {@link #ALPHA}, {@link #BETA}) on one cell for an IL-2 variant of
     * valency {@code valency} at complex concentration {@code doseNanomolar}.
     */
    public static double[] il2Bound(LigandDefinition ligand, int valency, ReceptorAbundances cell,
                                    double doseNanomolar) {
        if (valency < 1 || valency > MAX_VALENCY) {
            throw new IllegalArgumentException("valency must be between 1 and " + MAX_VALENCY + ", got " + valency);
        }
        double[] total = {cell.count(Receptor.IL2Ra), cell.count(Receptor.IL2Rb)};
        return solve(doseNanomolar * MOLAR_PER_NANOMOLAR, KX_STAR, total, new int[][]{{valency, valency}},
                new double[]{1}, il2Affinities(ligand));
    }

    /**
     * The dose-response panel of this model: one point per cell, ligand and dose at equilibrium (time_min =
     * +Infinity); active_complexes is R_bound(IL-2Rβ) per cell; pSTAT5, pERK and pAkt are NaN. The ligand column is
     * the ligand id with "_v" and the valency appended.
     */
    public static List<DoseResponse.Point> doseResponse(List<String> cells, String receptorTable,
                                                        List<LigandDefinition> ligands, double[] doses, int valency) {
        List<DoseResponse.Point> out = new ArrayList<>();
        for (String c : cells) {
            ReceptorAbundances cell = ReceptorTables.cell(c, receptorTable);
            for (LigandDefinition l : ligands) {
                for (double d : doses) {
                    double[] rb = il2Bound(l, valency, cell, d);
                    out.add(new DoseResponse.Point(c, l.id() + "_v" + valency, d, Double.POSITIVE_INFINITY, rb[BETA],
                            Double.NaN, Double.NaN, Double.NaN, d)); // an equilibrium at constant ligand
                }
            }
        }
        return out;
    }

    /**
     * Dose (nM) at which R_bound(IL-2Rβ) reaches half of the cell's IL-2Rβ (its plateau at saturating dose), by
     * bisection in log dose between {@code lowNanomolar} and {@code highNanomolar}.
     */
    public static double halfSaturationDose(LigandDefinition ligand, int valency, ReceptorAbundances cell,
                                            double lowNanomolar, double highNanomolar) {
        double target = cell.count(Receptor.IL2Rb) / 2;
        double lo = Math.log(lowNanomolar);
        double hi = Math.log(highNanomolar);
        if (il2Bound(ligand, valency, cell, lowNanomolar)[BETA] > target
                || il2Bound(ligand, valency, cell, highNanomolar)[BETA] < target) {
            throw new IllegalArgumentException("half saturation of IL-2Rb is not bracketed by " + lowNanomolar + " and "
                    + highNanomolar + " nM");
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (il2Bound(ligand, valency, cell, Math.exp(mid))[BETA] < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }
}
