/**
 * Test support for Onrush plugins: the contract kits {@link dev.onrush.testkit.ResultSinkContract} and
 * {@link dev.onrush.testkit.ProbeContract}, abstract JUnit 5 classes every sink and probe module's test extends, fed
 * by {@link dev.onrush.testkit.ContractRecords}; {@link dev.onrush.testkit.SamplePluginJar}, a plugin jar written
 * for tests of the plugins folder; and {@link dev.onrush.testkit.Dynalite}, a local DynamoDB-compatible server (npm
 * dynalite) for tests of code that speaks DynamoDB.
 *
 * <p>Rules of this package: it depends on {@code onrush-spi}, {@code onrush-core} and {@code onrush-demo-target}
 * and calls core's public API directly (the sink kit's one check that runs a sink through Onrush's dispatcher runs
 * it against a {@link dev.onrush.demo.DemoTarget}); no reflection into our own classes. Core's own tests depend on
 * the demo target only, never on this module, so there is no cycle; core's tests that use these kits live in this
 * module's tests. The public types are the contract kits, {@code ContractRecords}, {@code SamplePluginJar} and
 * {@code Dynalite}; every other class is package-private. JUnit's API and AssertJ are compile-scope dependencies for
 * the kits; the module forces no JUnit version on its users beyond the API it compiles against.
 */
package dev.onrush.testkit;
