/**
 * Benchmarks of Onrush, not tests: plain mains driven by the scripts in {@code bench/} and JMH
 * micro-benchmarks. Built only with the {@code bench} Maven profile.
 *
 * <p><b>Rules:</b> load goes only to {@code 127.0.0.1}; every run is bounded in time; figures are read as
 * ratios against a reference measured in the same run on the same machine, never as absolute numbers.
 */
package dev.onrush.bench;
