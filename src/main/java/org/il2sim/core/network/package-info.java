/**
 * The reaction network: the one immutable representation every il2sim model compiles to. It knows compartments,
 * species, parameters, reactions, rules, events and functions, and nothing of biology.
 */
package org.il2sim.core.network;
