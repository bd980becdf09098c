/*
 * The HTML report in Chromium, one concern a module. They run as this one test file, so one test
 * process runs them all: one Chromium, and the pages each opens for a report, serve every one of
 * them. As separate files, both test processes started a browser and opened the same reports.
 */
import './print.js';
import './accessibility.js';
import './html-report.js';
import './narrow.js';
import './hostile.js';
