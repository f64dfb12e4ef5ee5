// The offline copy (make offline), opened from disk (file://): browsers start no Web Worker from a
// file, so Material's search worker (and ours around it, workers/rw-search.js) would never run.
// Material's own answer, its offline plugin, adds the iframe-worker shim from a CDN; this site makes
// no request to another host, and that shim writes inline scripts, which the Content-Security-Policy
// forbids. This file does the same job its way: the worker's scripts run in a hidden frame, loaded as
// external files, and messages pass as they would to a worker. Only the offline build lists it (as
// Material's `extra.polyfills`, before the bundle); on http(s) it does nothing.
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof EventTarget !== "function") return;

  function loadScripts(frame, urls) {
    return urls.reduce(function (done, url) {
      return done.then(function () {
        return new Promise(function (resolve, reject) {
          var doc = frame.document;
          var script = doc.createElement("script");
          script.src = new URL(url, doc.baseURI).href;
          script.onload = function () { resolve(); };
          script.onerror = function () { reject(new Error("could not load " + script.src)); };
          doc.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(String(url), document.baseURI).href;
      this.onmessage = null;
      this.onerror = null;
      var iframe = document.createElement("iframe");
      iframe.hidden = true;
      iframe.tabIndex = -1;
      iframe.setAttribute("aria-hidden", "true");
      iframe.title = "zoeken";
      document.body.appendChild(iframe);
      this.iframe = iframe;
      var frame = iframe.contentWindow;
      var doc = frame.document;
      // Relative URLs in the worker's scripts resolve against the worker's own address.
      var base = doc.createElement("base");
      base.href = this.url;
      (doc.head || doc.documentElement).appendChild(base);
      var worker = this;
      // What a worker's global scope offers and the scripts use.
      frame.RW_WORKER_URL = this.url;
      frame.postMessage = function (data) {
        setTimeout(function () { worker.deliver(data); }, 0);
      };
      frame.importScripts = function () {
        return loadScripts(frame, Array.prototype.slice.call(arguments));
      };
      this.ready = loadScripts(frame, [this.url]).catch(function (err) {
        var event = new ErrorEvent("error", { message: String(err), error: err });
        worker.dispatchEvent(event);
        if (typeof worker.onerror === "function") worker.onerror(event);
        throw err;
      });
    }

    deliver(data) {
      var event = new MessageEvent("message", { data: data });
      this.dispatchEvent(event);
      if (typeof this.onmessage === "function") this.onmessage(event);
    }

    postMessage(data) {
      var frame = this.iframe.contentWindow;
      var copy = typeof structuredClone === "function" ? structuredClone(data) : data;
      this.ready.then(function () {
        frame.dispatchEvent(new MessageEvent("message", { data: copy }));
      }, function () {});
    }

    terminate() {
      this.iframe.remove();
    }
  }

  // Material's worker looks for this name on its parent to find its lunr files beside it.
  window.IFrameWorker = FileWorker;
  window.Worker = FileWorker;
})();
