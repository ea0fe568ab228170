package plots

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
)

// HTML returns an HTML fragment that draws the chart: a <div> with an element
// id that is fresh on every call (so one chart displayed twice on a page
// draws twice; case p01) and a <script> that draws into it.
//
// The script declares no global names. If window.echarts exists it draws at
// once; otherwise it queues the draw and loads the library once per page:
// with RequireJS's require when the page has an AMD loader (nbconvert and
// classic Notebook pages), else with a <script> tag. With a.Inline set the
// fragment first embeds the library, wrapped so that its UMD header sets
// window.echarts even under RequireJS. The chart resizes with its container.
//
// A front end that runs output scripts before it attaches the output to the
// page is met by retrying for up to five seconds until the element exists.
//
// When the option cannot be encoded, the fragment is a short error message
// instead of a chart.
func (c *Chart) HTML(a Assets) string {
	r, err := c.render()
	if err != nil {
		return `<div class="tunebook-chart-error" style="color:#b91c1c;font-family:sans-serif">` +
			html.EscapeString(err.Error()) + `</div>`
	}
	id := newElementID()

	var b strings.Builder
	fmt.Fprintf(&b, `<div class="tunebook-chart" id="%s" style="width:%s;height:%s;max-width:100%%"></div>`+"\n",
		id, html.EscapeString(r.width), html.EscapeString(r.height))
	if len(a.Inline) > 0 {
		b.WriteString(InlineLibrary(a.Inline))
	}
	b.WriteString("<script type=\"text/javascript\">\n")
	b.WriteString(drawScript(id, r, a.url()))
	b.WriteString("</script>\n")
	return b.String()
}

// MIME returns the chart as a Jupyter display bundle: the HTML fragment under
// "text/html" and "<title> chart" under "text/plain". The library comes from
// the environment (see DefaultAssets): the first chart a process displays
// carries it inline when TUNEBOOK_ECHARTS_JS is set, later charts load it
// from the page or from the URL.
func (c *Chart) MIME() map[string]any {
	return c.MIMEWith(notebookAssets().Next())
}

// MIMEWith is MIME with the Assets given explicitly.
func (c *Chart) MIMEWith(a Assets) map[string]any {
	return map[string]any{
		"text/html":  c.HTML(a),
		"text/plain": strings.TrimSpace(c.Title() + " chart"),
	}
}

// InlineLibrary returns a <script> element that runs the ECharts library js
// unless the page already has window.echarts. The library runs inside a
// function whose define, module and exports parameters are undefined, so its
// UMD header always sets window.echarts, with or without RequireJS.
func InlineLibrary(js []byte) string {
	return "<script type=\"text/javascript\">\nif (!window.echarts) {\n" +
		"(function (define, module, exports) {\n" + escapeScript(string(js)) +
		"\n}).call(window);\n}\n</script>\n"
}

// drawScript returns the JavaScript that draws chart r into the element id,
// loading the library from url when the page lacks it.
func drawScript(id string, r rendered, url string) string {
	var extra strings.Builder
	for _, l := range r.listeners {
		handler := instanceCode(string(l.Handler))
		if l.Query != "" {
			fmt.Fprintf(&extra, "    chart.on(%s, %s, %s);\n", jsString(l.EventName), instanceCode(string(l.Query)), handler)
		} else {
			fmt.Fprintf(&extra, "    chart.on(%s, %s);\n", jsString(l.EventName), handler)
		}
	}
	for _, fn := range r.funcs {
		fmt.Fprintf(&extra, "    %s\n", instanceCode(fn))
	}

	theme := "null"
	if r.theme != "" && r.theme != "white" {
		theme = jsString(r.theme)
	}
	return fmt.Sprintf(drawTemplate, jsString(id), theme, jsString(r.renderer),
		optionCode(r.option), extra.String(), jsString(url))
}

// drawTemplate is the per-chart script. Its arguments: element id, theme,
// renderer, option, extra statements, library URL.
const drawTemplate = `(function () {
  var id = %s;
  function draw(echarts, tries) {
    var el = document.getElementById(id);
    if (!el) {
      tries = (tries || 0) + 1;
      if (tries < 50) { setTimeout(function () { draw(echarts, tries); }, 100); }
      return;
    }
    if (el.getAttribute("data-tunebook-drawn")) { return; }
    el.setAttribute("data-tunebook-drawn", "1");
    var chart = echarts.init(el, %s, {renderer: %s});
    chart.setOption(%s);
%s    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(el);
    } else {
      window.addEventListener("resize", function () { chart.resize(); });
    }
  }
  if (window.echarts) { draw(window.echarts); return; }
  var q = window.__tunebookEcharts || (window.__tunebookEcharts = {queue: [], ids: [], loading: false});
  q.queue.push(draw);
  (q.ids = q.ids || []).push(id);
  if (q.loading) { return; }
  q.loading = true;
  var url = %s;
  function failed(err) {
    q.loading = false;
    var msg = "Chart not drawn: the ECharts library could not be loaded from " + url +
      " (offline? Make the page with the library inlined: --echarts-js FILE or TUNEBOOK_ECHARTS_JS).";
    console.error("tunebook: could not load ECharts from " + url + (err ? ": " + err : ""));
    var ids = q.ids.splice(0, q.ids.length);
    for (var i = 0; i < ids.length; i++) {
      var el = document.getElementById(ids[i]);
      if (el && !el.getAttribute("data-tunebook-drawn")) {
        el.style.height = "auto";
        el.style.padding = "12px";
        el.style.color = "#b91c1c";
        el.textContent = msg;
      }
    }
  }
  function loaded(lib) {
    if (lib && !window.echarts) { window.echarts = lib; }
    if (!window.echarts) { failed("the library did not define echarts"); return; }
    q.loading = false;
    q.ids.splice(0, q.ids.length);
    var pending = q.queue.splice(0, q.queue.length);
    for (var i = 0; i < pending.length; i++) { pending[i](window.echarts); }
  }
  if (typeof window.define === "function" && window.define.amd && typeof window.require === "function") {
    window.require([url], loaded, failed);
  } else {
    var s = document.createElement("script");
    s.src = url;
    s.onload = function () { loaded(window.echarts); };
    s.onerror = function () { failed(); };
    (document.head || document.documentElement).appendChild(s);
  }
})();
`

// funcToken matches a JSON string that go-echarts marks as JavaScript code
// with "__f__" at both ends (opts.FuncOpts).
var funcToken = regexp.MustCompile(`"__f__(?:[^"\\]|\\.)*?__f__"`)

// optionCode turns the option JSON into JavaScript: strings marked as
// functions become code, and the result is safe inside a <script> element.
func optionCode(option []byte) string {
	return escapeScript(funcToken.ReplaceAllStringFunc(string(option), func(tok string) string {
		var code string
		if err := json.Unmarshal([]byte(tok), &code); err != nil {
			return tok
		}
		return strings.TrimSuffix(strings.TrimPrefix(code, "__f__"), "__f__")
	}))
}

// instanceCode readies a go-echarts function string for the draw script: it
// drops the "__f__" markers and points go-echarts' instance placeholder at
// the local chart variable.
func instanceCode(fn string) string {
	fn = strings.TrimSuffix(strings.TrimPrefix(fn, "__f__"), "__f__")
	return escapeScript(strings.ReplaceAll(fn, "%MY_ECHARTS%", "chart"))
}

// scriptBreakers are the sequences that end or derail a <script> element's
// text in the HTML parser ("</script", "<!--"); the replacements mean the same
// inside JavaScript strings, regular expressions and comments.
var scriptBreakers = strings.NewReplacer("</", `<\/`, "<!--", `<\!--`)

// escapeScript makes JavaScript safe to place inside a <script> element.
func escapeScript(js string) string { return scriptBreakers.Replace(js) }

// jsString returns s as a JavaScript string literal safe inside <script>.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always encodes
	return string(b)
}

var (
	idPrefix = sync.OnceValue(func() string {
		b := make([]byte, 4)
		_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
		return hex.EncodeToString(b)
	})
	idCounter atomic.Uint64
)

// newElementID returns an element id unique on any page: a random prefix per
// process, so outputs of earlier kernel runs never clash, and a counter.
func newElementID() string {
	return fmt.Sprintf("tunebook-%s-%d", idPrefix(), idCounter.Add(1))
}
