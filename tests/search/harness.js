// Runs the site's own search (Routewijzer's worker, which loads its modules search/dutch.js and
// search/rank.js and wraps Material's lunr worker) in Node, without a browser, over a built
// site: the same code and index a visitor gets. The modules alone: tests/search/js/.
//
//   node tests/search/harness.js SITE_DIR [LANG] < queries.json > results.json
//
// LANG ("en" or "nl", default nl) is the language of the page the search box is on, which
// rw-search-config.js passes to the worker as ?lang=.
//
// Input: a JSON list of query strings. Output: a JSON list, per query, of
// {query, rewritten (the lunr query the worker hands Material), results: [page paths, best first],
//  noAnswer (true when the results first say the site has no good answer),
//  noAnswerLinks ([{location, title}] of that message's group, empty without it)}.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = path.resolve(process.argv[2]);
const workers = path.join(site, "assets/javascripts/workers");
const material = fs.readdirSync(workers).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f));
const origin = "http://127.0.0.1/assets/javascripts/workers/";
const listeners = [];
let answer = null;

globalThis.self = globalThis;
const lang = process.argv[3] ? `&lang=${encodeURIComponent(process.argv[3])}` : "";
globalThis.location = { href: `${origin}rw-search.js?material=${material}${lang}` };
globalThis.addEventListener = (type, fn) => { if (type === "message") listeners.push(fn); };
globalThis.postMessage = (message) => { answer = message; };
globalThis.importScripts = (...urls) => {
  for (const url of urls) {
    const file = path.join(site, new URL(url, origin).pathname);
    vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  }
};
globalThis.fetch = async (url) => {
  const file = path.join(site, new URL(url).pathname);
  return { ok: fs.existsSync(file), json: async () => JSON.parse(fs.readFileSync(file, "utf8")) };
};
vm.runInThisContext(fs.readFileSync(path.join(workers, "rw-search.js"), "utf8"));

async function send(message) {
  answer = null;
  for (const listener of listeners) await listener({ data: message });
  for (let i = 0; i < 200 && answer === null; i++) await new Promise((r) => setTimeout(r, 5));
  return answer;
}

function pagePath(location) {
  const page = location.split("#")[0];
  return "/" + page;
}

(async () => {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  await send({ type: 0, data: { ...index, options: { suggest: false } } });
  const out = [];
  for (const query of queries) {
    const result = await send({ type: 2, data: query });
    const groups = (result && result.data && result.data.items) || [];
    const results = [];
    // The group that admits there is no good answer (always first) is not a page found.
    const noAnswer = groups.length > 0 && groups[0][0].rwNoAnswer === true;
    for (const group of groups) {
      if (group[0].rwNoAnswer) continue;
      const p = pagePath(group[0].location);
      if (!results.includes(p)) results.push(p);
    }
    const noAnswerLinks = noAnswer ? groups[0].map((doc) => ({ location: doc.location, title: doc.title })) : [];
    out.push({ query, rewritten: globalThis.rewrite(query), results: results.slice(0, 10), noAnswer, noAnswerLinks });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => { console.error(err); process.exit(1); });
