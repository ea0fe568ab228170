// Package browser drives a headless Chromium for tests that must see a page
// the way a reader does: it loads a local HTML file, lets its scripts run,
// and returns the resulting DOM with any JavaScript errors, or a screenshot.
//
// The browser is Debian's chromium (or any Chrome) found on PATH or named by
// $TUNEBOOK_CHROMIUM. Tests call Require first: it skips the test when no
// browser is installed, unless $CI is set, in which case it fails it.
//
// Errors are collected by a small script injected at the top of the page
// before it loads: uncaught exceptions (syntax errors in a <script>
// included), failed script and stylesheet loads, unhandled promise
// rejections and console.error calls.
package browser
