/**
 * The telemetry simulator: a constituency of organisations running Exchange, their servers' logs
 * (IIS, HttpProxy, ECP, OAB generator, Winlogbeat JSON of Application/Security/Sysmon) and web
 * folders, with benign use, internet scanners and the operations of threat actors taken from the
 * knowledge base, plus a separate ground truth for evaluation (docs/simulator.md).
 *
 * <p>Owns: scenario files ({@code kahu/simulate/scenarios}), the tradecraft library
 * ({@code kahu/simulate/tradecraft.yaml}), deterministic generation and the output layout.
 * Must not: depend on detection, correlation or attribution (the simulator must not hand the engine
 * its answers, nor learn from it), print, or touch the store.
 */
package kahu.simulate;
