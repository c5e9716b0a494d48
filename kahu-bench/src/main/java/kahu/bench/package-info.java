/**
 * JMH benchmarks of Kahu's hot paths, each beside a named baseline measured in the same run.
 * Run with {@code ./kahu jmh [REGEX]}; results go to docs/benchmarks.md.
 */
package kahu.bench;
