// A minimal AMD loader standing in for RequireJS in browser tests: it
// defines define.amd, so UMD bundles such as echarts.min.js register as an
// AMD module instead of setting a global, and a require([url], onload,
// onerror) that loads one script and hands over the module it defined. It
// counts its loads on <html data-amd-loads>.
(function () {
  var defined = null;
  var loads = 0;
  window.define = function (deps, factory) {
    if (typeof deps === "function") { factory = deps; deps = []; }
    defined = { deps: deps, factory: factory };
  };
  window.define.amd = {};
  window.require = function (urls, onload, onerror) {
    loads++;
    document.documentElement.setAttribute("data-amd-loads", String(loads));
    var s = document.createElement("script");
    s.src = urls[0];
    s.onload = function () {
      var m = defined;
      defined = null;
      if (!m) { if (onerror) { onerror(new Error("no module defined by " + urls[0])); } return; }
      var exports = {};
      var args = m.deps.map(function (d) { return d === "exports" ? exports : undefined; });
      var result = m.factory.apply(null, args);
      onload(result === undefined ? exports : result);
    };
    s.onerror = function () { if (onerror) { onerror(new Error("could not load " + urls[0])); } };
    document.head.appendChild(s);
  };
})();
