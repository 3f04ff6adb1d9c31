/** Headless PNG charts (XChart) for the CLI and reports: series with colored vertical markers. */
package dev.eddy.cli.plot;
