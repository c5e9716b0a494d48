/**
 * The {@code kahu} command line: parses arguments, opens the store, calls the domain packages and
 * prints their results as text, Markdown or JSON.
 *
 * <p>Owns: argument parsing, output formats, exit codes (0 success, 1 nothing found, 2 bad input
 * or usage), progress bars. Must not hold domain logic: what it prints is computed elsewhere.
 */
package kahu.cli;
