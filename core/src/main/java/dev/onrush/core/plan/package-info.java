/**
 * Plans as text: {@link dev.onrush.core.plan.PlanParser} reads a YAML or JSON plan (with {@code --set}
 * overrides) into a {@link dev.onrush.core.model.LoadTest}, {@link dev.onrush.core.plan.PlanWriter} writes one
 * back in the same format.
 *
 * <p>Error rule: a plan is checked whole. Every problem found (unknown or misspelt keys, wrong types, bad values,
 * dangling names) is collected with its path ({@code scenarios[1].steps[0].request.method}) and its line and
 * column, and reported together in one {@link dev.onrush.core.plan.PlanException}. Nothing in this package lets
 * a SnakeYAML, Jackson or model exception escape to the caller; I/O failures while reading a plan file become a
 * {@code PlanException} with one problem. Parsers and writers hold no mutable state and may be shared between
 * threads.
 */
package dev.onrush.core.plan;
