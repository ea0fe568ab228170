package browser

import (
	"html"
	"regexp"
	"strings"
)

// errorListID is the id of the hidden list the injected script fills with
// error messages.
const errorListID = "browser-console-errors"

// collector is the script injected at the top of every page. It records
// errors in a hidden <ol>, which survives into the dumped DOM.
const collector = `<script>(function () {
  function record(msg) {
    var list = document.getElementById("` + errorListID + `");
    if (!list) {
      list = document.createElement("ol");
      list.id = "` + errorListID + `";
      list.hidden = true;
      document.documentElement.appendChild(list);
    }
    var item = document.createElement("li");
    item.textContent = String(msg);
    list.appendChild(item);
  }
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) { record("failed to load " + (t.src || t.href)); return; }
    record(e.message || String(e.error));
  }, true);
  window.addEventListener("unhandledrejection", function (e) { record("unhandled rejection: " + e.reason); });
  var original = console.error;
  console.error = function () {
    record("console.error: " + Array.prototype.slice.call(arguments).join(" "));
    return original.apply(console, arguments);
  };
})();</script>
`

// insertionPoints are the tags after which the collector goes, best first.
var insertionPoints = []*regexp.Regexp{
	regexp.MustCompile(`(?i)<head(\s[^>]*)?>`),
	regexp.MustCompile(`(?i)<html(\s[^>]*)?>`),
	regexp.MustCompile(`(?i)<!doctype[^>]*>`),
}

// inject returns page with the collector placed before any of its scripts.
func inject(page string) string {
	for _, re := range insertionPoints {
		if loc := re.FindStringIndex(page); loc != nil {
			return page[:loc[1]] + collector + page[loc[1]:]
		}
	}
	return collector + page
}

var (
	errorList = regexp.MustCompile(`(?s)<ol id="` + errorListID + `" hidden="">(.*?)</ol>`)
	errorItem = regexp.MustCompile(`(?s)<li>(.*?)</li>`)
)

// extractErrors removes the collector and its list from the dumped DOM and
// returns the DOM and the messages.
func extractErrors(dom string) (string, []string) {
	var msgs []string
	dom = errorList.ReplaceAllStringFunc(dom, func(list string) string {
		for _, m := range errorItem.FindAllStringSubmatch(list, -1) {
			msgs = append(msgs, html.UnescapeString(m[1]))
		}
		return ""
	})
	dom = strings.Replace(dom, strings.TrimSuffix(collector, "\n"), "", 1)
	return strings.TrimSpace(dom), msgs
}

// StartTag returns the start tag of the element with the given id in a DOM
// returned by Render (e.g. `<div id="c1" _echarts_instance_="ec_1">`), or ""
// when there is none. Render's DOM is serialised by the browser, so
// attributes are double-quoted.
func StartTag(dom, id string) string {
	re := regexp.MustCompile(`<[a-zA-Z][^>]*\sid="` + regexp.QuoteMeta(html.EscapeString(id)) + `"[^>]*>`)
	return re.FindString(dom)
}
