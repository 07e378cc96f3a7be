/** Runs the SBML Test Suite's semantic cases and judges them by the suite's own pass rule. */
package org.il2sim.io.testsuite;
