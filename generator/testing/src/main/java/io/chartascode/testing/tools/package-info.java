/**
 * The real helm and kubectl binaries that chart-as-code is tested with, for tests to run: start at
 * {@link io.chartascode.testing.tools.Toolbox}.
 */
package io.chartascode.testing.tools;
