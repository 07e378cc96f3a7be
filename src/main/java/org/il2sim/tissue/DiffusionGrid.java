package org.il2sim.tissue;

import java.util.Arrays;
import java.util.Locale;

/**
 * One diffusing molecule on a uniform Cartesian grid of nx × ny × nz cubic voxels of edge h (µm): concentration
 * c in nM per voxel, diffusion coefficient D (µm²/min), first-order decay k (1/min), a per-voxel source s (nM/min)
 * and a per-voxel first-order uptake rate u (1/min, through which agent cells will consume). It solves
 *
 * <pre>  dc/dt = D·Δ_h c − (k + u)·c + s</pre>
 *
 * with Δ_h the 7-point finite-volume Laplacian (flux D·(c_j − c_i)/h through each shared face) and the chosen
 * {@link Boundary}. Each {@link #step(double)} applies the implicit {@link TimeScheme}; its linear system
 * (I + θΔt·M)c⁺ = b has a symmetric positive definite matrix and is solved by conjugate gradients with a Jacobi
 * preconditioner (Hestenes &amp; Stiefel, J. Res. NBS 49:409, 1952), matrix-free, starting from the current field.
 *
 * <p>Written by hand: no Java library offers a matrix-free SPD solver for a 3D 7-point operator on flat arrays
 * (Hipparchus has neither sparse matrices of this size nor a 3D Laplacian; a general sparse matrix would store
 * 7 doubles and 7 ints per voxel), and the loop is about 150 lines.
 *
 * <p>Without decay, uptake and sources every column of the operator sums to zero, so the amount Σ c·h³ is conserved
 * exactly by the scheme and to the solver's tolerance by the solve (docs/tissue.md gives the measured figures).
 *
 * <p>The arrays are flat, index {@code x + nx·(y + ny·z)}; {@link #concentrations()}, {@link #sources()} and
 * {@link #uptakeRates()} return the live arrays (no copy) so that coupling code can read and write them in place.
 * Not thread-safe: one grid belongs to one simulation.
 */
public final class DiffusionGrid {

    /** Default relative tolerance of the conjugate-gradient solve: ‖b − A·c⁺‖₂ ≤ tolerance·‖b‖₂. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Default cap on conjugate-gradient iterations per step. */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;
    /** Largest number of voxels: a Java array holds at most about 2³¹ elements. */
    private static final long MAX_VOXELS = Integer.MAX_VALUE - 8L;

    private final int nx;
    private final int ny;
    private final int nz;
    private final int size;
    private final double h;
    private final double diffusion;
    private final double decay;
    private final Boundary boundary;
    private final TimeScheme scheme;
    private final double tolerance;
    private final int maxIterations;

    private final double[] c;
    private final double[] source;
    private final double[] uptake;
    /** Number of distinct-face neighbours along each axis, per coordinate (0, 1 or 2). */
    private final int[] facesX;
    private final int[] facesY;
    private final int[] facesZ;

    // scratch of the conjugate-gradient solve, allocated once
    private final double[] residual;
    private final double[] direction;
    private final double[] product;
    private final double[] inverseDiagonal;

    private double time;
    private int lastIterations;
    private double lastRelativeResidual;

    /** A grid stepped by backward Euler with the default tolerance; all concentrations, sources and uptakes 0. */
    public DiffusionGrid(int nx, int ny, int nz, double voxelEdge, double diffusionCoefficient, double decayRate,
            Boundary boundary) {
        this(nx, ny, nz, voxelEdge, diffusionCoefficient, decayRate, boundary, TimeScheme.BACKWARD_EULER,
                DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * A grid with all concentrations, sources and uptakes 0.
     *
     * @param voxelEdge h, µm
     * @param diffusionCoefficient D, µm²/min
     * @param decayRate k, 1/min
     * @param tolerance relative residual of each linear solve, in (0, 1)
     * @throws IllegalArgumentException naming the value if a size is below 1, the grid too large, h not positive,
     *     D or k negative, any value NaN or infinite, or tolerance or iteration cap out of range
     */
    public DiffusionGrid(int nx, int ny, int nz, double voxelEdge, double diffusionCoefficient, double decayRate,
            Boundary boundary, TimeScheme scheme, double tolerance, int maxIterations) {
        requireSize("nx", nx);
        requireSize("ny", ny);
        requireSize("nz", nz);
        long voxels = (long) nx * ny * nz;
        if (voxels > MAX_VOXELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "grid %d × %d × %d has %d voxels, more than the %d a Java array holds", nx, ny, nz, voxels,
                    MAX_VOXELS));
        }
        if (!(voxelEdge > 0) || Double.isInfinite(voxelEdge)) {
            throw new IllegalArgumentException("voxel edge h must be positive and finite (µm), got " + voxelEdge);
        }
        requireNonNegative("diffusion coefficient D (µm²/min)", diffusionCoefficient);
        requireNonNegative("decay rate k (1/min)", decayRate);
        if (boundary == null) {
            throw new IllegalArgumentException("boundary must be NO_FLUX or PERIODIC, got null");
        }
        if (scheme == null) {
            throw new IllegalArgumentException("time scheme must be BACKWARD_EULER or CRANK_NICOLSON, got null");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("solver tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum solver iterations must be ≥ 1, got " + maxIterations);
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.size = (int) voxels;
        this.h = voxelEdge;
        this.diffusion = diffusionCoefficient;
        this.decay = decayRate;
        this.boundary = boundary;
        this.scheme = scheme;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.c = new double[size];
        this.source = new double[size];
        this.uptake = new double[size];
        this.facesX = faces(nx);
        this.facesY = faces(ny);
        this.facesZ = faces(nz);
        this.residual = new double[size];
        this.direction = new double[size];
        this.product = new double[size];
        this.inverseDiagonal = new double[size];
    }

    private static void requireSize(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " (voxels along the axis) must be ≥ 1, got " + n);
        }
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be ≥ 0 and finite, got " + v);
        }
    }

    private int[] faces(int n) {
        int[] f = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = (neighbour(i, n, -1) >= 0 ? 1 : 0) + (neighbour(i, n, 1) >= 0 ? 1 : 0);
        }
        return f;
    }

    /** The neighbouring coordinate of {@code i} in direction {@code d} (±1), or −1 if there is none. */
    private int neighbour(int i, int n, int d) {
        if (n == 1) {
            return -1; // periodic with one voxel: the neighbour is the voxel itself, which exchanges nothing
        }
        int j = i + d;
        if (j >= 0 && j < n) {
            return j;
        }
        return boundary == Boundary.PERIODIC ? Math.floorMod(j, n) : -1;
    }

    // ---- geometry and state

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    /** Number of voxels. */
    public int size() {
        return size;
    }

    /** h, µm. */
    public double voxelEdge() {
        return h;
    }

    /** h³, µm³. */
    public double voxelVolume() {
        return h * h * h;
    }

    /** D, µm²/min. */
    public double diffusionCoefficient() {
        return diffusion;
    }

    /** k, 1/min. */
    public double decayRate() {
        return decay;
    }

    public Boundary boundary() {
        return boundary;
    }

    public TimeScheme scheme() {
        return scheme;
    }

    /** Time advanced by {@link #step} since construction, min. */
    public double time() {
        return time;
    }

    /** Flat index of voxel (x, y, z). */
    public int index(int x, int y, int z) {
        if (x < 0 || x >= nx || y < 0 || y >= ny || z < 0 || z >= nz) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "voxel (%d, %d, %d) outside the %d × %d × %d grid", x, y, z, nx, ny, nz));
        }
        return x + nx * (y + ny * z);
    }

    /** Concentration of voxel (x, y, z), nM. */
    public double get(int x, int y, int z) {
        return c[index(x, y, z)];
    }

    /** Sets the concentration of voxel (x, y, z), nM (finite). */
    public void set(int x, int y, int z, double nM) {
        requireFinite("concentration", nM);
        c[index(x, y, z)] = nM;
    }

    /** Sets every concentration to {@code nM} (finite). */
    public void fill(double nM) {
        requireFinite("concentration", nM);
        Arrays.fill(c, nM);
    }

    /** Sets the source of voxel (x, y, z), nM/min (finite; negative is a zero-order sink). */
    public void setSource(int x, int y, int z, double nMPerMin) {
        requireFinite("source", nMPerMin);
        source[index(x, y, z)] = nMPerMin;
    }

    /** Sets the first-order uptake rate of voxel (x, y, z), 1/min (≥ 0, finite). */
    public void setUptakeRate(int x, int y, int z, double perMin) {
        requireNonNegative("uptake rate (1/min)", perMin);
        uptake[index(x, y, z)] = perMin;
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    /** The live concentration array, nM (no copy). */
    public double[] concentrations() {
        return c;
    }

    /** The live source array, nM/min (no copy); checked at each step. */
    public double[] sources() {
        return source;
    }

    /** The live uptake-rate array, 1/min (no copy); checked at each step. */
    public double[] uptakeRates() {
        return uptake;
    }

    /** Amount in the grid, Σ c·h³ (nM·µm³), summed with Kahan compensation. */
    public double totalAmount() {
        double sum = 0;
        double carry = 0;
        for (double v : c) {
            double y = v - carry;
            double t = sum + y;
            carry = (t - sum) - y;
            sum = t;
        }
        return sum * voxelVolume();
    }

    /** Conjugate-gradient iterations of the last step. */
    public int lastIterations() {
        return lastIterations;
    }

    /** ‖b − A·c⁺‖₂ / ‖b‖₂ reached by the last step. */
    public double lastRelativeResidual() {
        return lastRelativeResidual;
    }

    // ---- time stepping

    /**
     * Advances the field by {@code dt} minutes with the grid's {@link TimeScheme}.
     *
     * @throws IllegalArgumentException if dt is not positive and finite, or a concentration, source or uptake rate
     *     is invalid (the voxel is named)
     * @throws ArithmeticException if the solve does not reach the tolerance within the iteration cap, or the field
     *     is not finite
     */
    public void step(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("time step dt must be positive and finite (min), got " + dt);
        }
        checkCoefficients();
        double theta = scheme.theta();
        double[] b = residual;
        // b = (I − (1 − θ)Δt·M)·c + Δt·s
        if (theta < 1) {
            applyShifted(c, b, -(1 - theta) * dt);
        } else {
            System.arraycopy(c, 0, b, 0, size);
        }
        for (int i = 0; i < size; i++) {
            b[i] += dt * source[i];
        }
        solve(theta * dt);
        time += dt;
    }

    private void checkCoefficients() {
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(c[i])) {
                throw new IllegalArgumentException("concentration of voxel " + describe(i) + " must be finite, got "
                        + c[i]);
            }
            if (!Double.isFinite(source[i])) {
                throw new IllegalArgumentException("source of voxel " + describe(i) + " must be finite, got "
                        + source[i]);
            }
            double u = uptake[i];
            if (!(u >= 0) || Double.isInfinite(u)) {
                throw new IllegalArgumentException("uptake rate of voxel " + describe(i)
                        + " must be ≥ 0 and finite (1/min), got " + u);
            }
        }
    }

    private String describe(int i) {
        int x = i % nx;
        int y = (i / nx) % ny;
        int z = i / (nx * ny);
        return "(" + x + ", " + y + ", " + z + ")";
    }

    /** Solves (I + a·M)·c = b in place, b given in {@link #residual}, c starting from the current field. */
    private void solve(double a) {
        double[] r = residual;
        double bNorm = Math.sqrt(dot(r, r));
        if (bNorm == 0) {
            Arrays.fill(c, 0);
            lastIterations = 0;
            lastRelativeResidual = 0;
            return;
        }
        double g = diffusion / (h * h);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                int facesYz = facesY[y] + facesZ[z];
                for (int x = 0; x < nx; x++) {
                    int i = row + x;
                    inverseDiagonal[i] = 1 / (1 + a * (g * (facesX[x] + facesYz) + decay + uptake[i]));
                }
            }
        }
        applyShifted(c, product, a);
        for (int i = 0; i < size; i++) {
            r[i] -= product[i];
        }
        double target = tolerance * bNorm;
        double rNorm = Math.sqrt(dot(r, r));
        double rz = 0;
        for (int i = 0; i < size; i++) {
            direction[i] = r[i] * inverseDiagonal[i];
            rz += r[i] * direction[i];
        }
        int iterations = 0;
        while (!(rNorm <= target)) {
            if (iterations == maxIterations || !Double.isFinite(rNorm)) {
                throw new ArithmeticException(String.format(Locale.ROOT,
                        "diffusion solve at t = %g min did not converge: relative residual %.3g after %d "
                                + "iterations (tolerance %.3g)", time, rNorm / bNorm, iterations, tolerance));
            }
            double alpha = rz / applyShifted(direction, product, a);
            double rr = 0;
            double rzNew = 0;
            for (int i = 0; i < size; i++) {
                c[i] += alpha * direction[i];
                double ri = r[i] - alpha * product[i];
                r[i] = ri;
                rr += ri * ri;
                rzNew += ri * ri * inverseDiagonal[i];
            }
            double beta = rzNew / rz;
            for (int i = 0; i < size; i++) {
                direction[i] = r[i] * inverseDiagonal[i] + beta * direction[i];
            }
            rz = rzNew;
            rNorm = Math.sqrt(rr);
            iterations++;
        }
        lastIterations = iterations;
        lastRelativeResidual = rNorm / bNorm;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /**
     * out = (I + a·M)·in with M·v = −D·Δ_h v + (k + u)·v; returns in·out, summed in index order as {@link #dot}
     * would (one pass over the arrays fewer per conjugate-gradient iteration, the same rounding).
     */
    private double applyShifted(double[] in, double[] out, double a) {
        double g = diffusion / (h * h);
        int plane = nx * ny;
        double inDotOut = 0;
        for (int z = 0; z < nz; z++) {
            int zm = neighbour(z, nz, -1);
            int zp = neighbour(z, nz, 1);
            for (int y = 0; y < ny; y++) {
                int ym = neighbour(y, ny, -1);
                int yp = neighbour(y, ny, 1);
                int row = nx * (y + ny * z);
                int rowYm = ym < 0 ? -1 : nx * (ym + ny * z);
                int rowYp = yp < 0 ? -1 : nx * (yp + ny * z);
                int rowZm = zm < 0 ? -1 : row + (zm - z) * plane;
                int rowZp = zp < 0 ? -1 : row + (zp - z) * plane;
                if (rowYm >= 0 && rowYp >= 0 && rowZm >= 0 && rowZp >= 0 && nx > 2) {
                    // every neighbour row exists (periodic, or an inner row): the inner voxels without branches,
                    // the same operations in the same order as below, so the same rounding
                    inDotOut += applyVoxel(in, out, a, g, row, 0, rowYm, rowYp, rowZm, rowZp);
                    for (int x = 1; x < nx - 1; x++) {
                        int i = row + x;
                        double ci = in[i];
                        double flux = 0;
                        flux += in[i - 1] + in[i + 1] - 2 * ci;
                        flux += in[rowYm + x] - ci;
                        flux += in[rowYp + x] - ci;
                        flux += in[rowZm + x] - ci;
                        flux += in[rowZp + x] - ci;
                        double oi = ci + a * ((decay + uptake[i]) * ci - g * flux);
                        out[i] = oi;
                        inDotOut += ci * oi;
                    }
                    inDotOut += applyVoxel(in, out, a, g, row, nx - 1, rowYm, rowYp, rowZm, rowZp);
                    continue;
                }
                for (int x = 0; x < nx; x++) {
                    inDotOut += applyVoxel(in, out, a, g, row, x, rowYm, rowYp, rowZm, rowZp);
                }
            }
        }
        return inDotOut;
    }

    /** One voxel of {@link #applyShifted}, at any position (missing neighbours exchange nothing); returns in·out. */
    private double applyVoxel(double[] in, double[] out, double a, double g, int row, int x, int rowYm, int rowYp,
            int rowZm, int rowZp) {
        int i = row + x;
        double ci = in[i];
        double flux = 0;
        if (x > 0 && x < nx - 1) {
            flux += in[i - 1] + in[i + 1] - 2 * ci;
        } else {
            int xm = neighbour(x, nx, -1);
            int xp = neighbour(x, nx, 1);
            if (xm >= 0) {
                flux += in[row + xm] - ci;
            }
            if (xp >= 0) {
                flux += in[row + xp] - ci;
            }
        }
        if (rowYm >= 0) {
            flux += in[rowYm + x] - ci;
        }
        if (rowYp >= 0) {
            flux += in[rowYp + x] - ci;
        }
        if (rowZm >= 0) {
            flux += in[rowZm + x] - ci;
        }
        if (rowZp >= 0) {
            flux += in[rowZp + x] - ci;
        }
        double oi = ci + a * ((decay + uptake[i]) * ci - g * flux);
        out[i] = oi;
        return ci * oi;
    }
}
