/* The YAML format of the Routewijzer editor (Decap CMS custom format "rw-yaml").
 *
 * Why not Decap's own "yml" format: it re-writes the whole file in YAML 1.2 style, so fixing
 * one e-mail address turns a region file into a 150-line diff, and a text that looks like a
 * date (a source's date: '2020-06-17') loses its quotes and is then read as a date by the
 * loader (YAML 1.1), which the model refuses. This format:
 *  - reads a file with YAML 1.2's core schema, so dates stay text as the date widget wants;
 *  - writes back only what changed: every unchanged key keeps its lines byte for byte (style,
 *    quotes, folding), and a changed key is re-written in place;
 *  - writes new text in YAML 1.1 terms, like the loader reads it: a text that YAML 1.1 would
 *    read as something else (a date, yes/no, 1:20) is quoted; a date field is written as a date.
 * Uses the `yaml` package (eemeli/yaml), pinned in editor.lock.json, loaded with import()
 * (a classic script: the site's scan allows no script with a type attribute). The functions are
 * also window.RoutewijzerYaml, for tests/browser/test_editor.py.
 */
(function () {
"use strict";
let YAML = null;

const READ = { schema: "core" };
const WRITE = {
  version: "1.1",
  indentSeq: false,
  singleQuote: true,
  flowCollectionPadding: false,
  lineWidth: 120,
  minContentWidth: 40,
};
const FLOW_MAX = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

class Unpatchable extends Error {}

let currentDoc = null;

function fromFile(content) {
  const doc = YAML.parseDocument(content || "", READ);
  if (doc.errors.length) {
    throw new Error("YAML-fout: " + doc.errors.map((e) => e.message).join("; "));
  }
  return doc.toJS() || {};
}

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00:00\.000Z$/;

/* Same data, a Date of a date field being equal to its text (2026-12-06). */
function equal(a, b) {
  const plain = (_, v) => (typeof v === "string" && MIDNIGHT.test(v) ? v.slice(0, 10) : v);
  return JSON.stringify(a, plain) === JSON.stringify(b, plain);
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

/* Date fields (by the form's widgets) become Date objects, which YAML 1.1 writes as 2026-12-06. */
function withDates(value, fields) {
  if (!fields) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => withDates(item, fields));
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    const field = fields.find((f) => f.name === key);
    const isDate = field && (field.widget === "datetime" || (field.widget === "rw-fact" && field.value_widget === "datetime"));
    if (isDate && typeof item === "string" && DATE.test(item)) {
      out[key] = new Date(item + "T00:00:00Z");
    } else if (field && field.widget === "rw-steps" && isPlainObject(item)) {
      out[key] = Object.fromEntries(Object.entries(item).map(([id, step]) => [id, withDates(step, field.fields)]));
    } else {
      out[key] = withDates(item, field && (field.fields || (field.field && field.field.fields)));
    }
  }
  return out;
}

function render(value) {
  const doc = new YAML.Document(value, WRITE);
  YAML.visit(doc, {
    Seq(_, node) {
      const scalars = node.items.every((item) => YAML.isScalar(item));
      if (scalars && node.items.length && JSON.stringify(node.toJSON()).length <= FLOW_MAX) {
        node.flow = true;
      }
    },
  });
  return doc.toString(WRITE);
}

/* "key: value" lines for one pair, the first line unindented, the rest at column `col`. */
function renderPair(key, value, col) {
  const text = render({ [key]: value });
  const pad = " ".repeat(col);
  return text
    .replace(/\n$/, "")
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : pad + line))
    .join("\n") + "\n";
}

function lineStart(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text, offset) {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end + 1;
}

/* Where a pair ends: after its value's last line (and a comment on that line). */
function pairEnd(text, pair) {
  const node = pair.value || pair.key;
  const end = node.range[1];
  return text[end - 1] === "\n" ? end : lineEnd(text, end);
}

function anchorFor(key, pairs, map, order) {
  const k = order.indexOf(key);
  for (let j = k - 1; k >= 0 && j >= 0; j--) {
    if (pairs.has(order[j])) {
      return pairs.get(order[j]);
    }
  }
  return map.items[map.items.length - 1];
}

function patchMap(text, map, next, edits, fields) {
  if (!YAML.isMap(map) || map.flow || !map.items.length) {
    throw new Unpatchable();
  }
  const order = (fields || []).map((f) => f.name);
  const pairs = new Map(map.items.map((pair) => [String(pair.key && pair.key.value), pair]));
  for (const [key, pair] of pairs) {
    if (!(key in next)) {
      const start = lineStart(text, pair.key.range[0]);
      if (text.slice(start, pair.key.range[0]).trim() !== "") {
        throw new Unpatchable(); // the first key of a list item: the item is re-written
      }
      edits.push({ start, end: pairEnd(text, pair), text: "" });
    }
  }
  for (const [key, value] of Object.entries(next)) {
    const pair = pairs.get(key);
    if (!pair) {
      const anchor = anchorFor(key, pairs, map, order);
      const col = anchor.key.range[0] - lineStart(text, anchor.key.range[0]);
      const at = pairEnd(text, anchor);
      edits.push({ start: at, end: at, text: " ".repeat(col) + renderPair(key, value, col) });
      continue;
    }
    const old = pair.value ? pair.value.toJS(currentDoc) : null;
    if (equal(old, value)) {
      continue;
    }
    const field = fields && fields.find((f) => f.name === key);
    let inner = field && (field.fields || (field.field && field.field.fields));
    if (field && field.widget === "rw-steps" && isPlainObject(value)) {
      // id -> step: every id has the step's fields
      inner = Object.keys(value).map((id) => ({ name: id, widget: "object", fields: field.fields }));
    }
    const sub = [];
    try {
      if (isPlainObject(value) && YAML.isMap(pair.value) && field) {
        patchMap(text, pair.value, value, sub, inner);
        edits.push(...sub);
        continue;
      }
      if (Array.isArray(value) && YAML.isSeq(pair.value) && !pair.value.flow && pair.value.items.length === value.length) {
        value.forEach((item, i) => {
          const node = pair.value.items[i];
          const before = YAML.isNode(node) ? node.toJS(currentDoc) : node;
          if (!equal(before, item)) {
            if (!isPlainObject(item)) {
              throw new Unpatchable();
            }
            patchMap(text, node, item, sub, inner);
          }
        });
        edits.push(...sub);
        continue;
      }
    } catch (error) {
      if (!(error instanceof Unpatchable)) {
        throw error;
      }
      // the whole pair is re-written below; the partial edits in `sub` are dropped
    }
    const col = pair.key.range[0] - lineStart(text, pair.key.range[0]);
    edits.push({ start: pair.key.range[0], end: pairEnd(text, pair), text: renderPair(key, value, col) });
  }
}

/* The original text with only the changed keys re-written; null when that cannot be done. */
function patchText(original, data, fields) {
  const doc = YAML.parseDocument(original, READ);
  if (doc.errors.length || !YAML.isMap(doc.contents)) {
    return null;
  }
  const edits = [];
  currentDoc = doc;
  try {
    patchMap(original, doc.contents, withDates(data, fields), edits, fields);
  } catch (error) {
    if (error instanceof Unpatchable) {
      return null;
    }
    throw error;
  }
  // Edits never overlap: a pair is either patched inside (its children's edits kept) or
  // re-written whole (its children's edits dropped).
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let text = original;
  for (const edit of edits) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  return text;
}

/* A whole new file, keys in the form's order. */
function freshText(data, fields, sortedKeys) {
  const order = sortedKeys || (fields || []).map((f) => f.name);
  const keys = Object.keys(data).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
  });
  const sorted = Object.fromEntries(keys.map((key) => [key, data[key]]));
  return render(withDates(sorted, fields));
}

/* What preSave (rw-widgets.js) tells us about the record being saved: its file and form. */
function toFile(data, sortedKeys) {
  const saving = window.rwSaving || {};
  const fields = saving.fields;
  if (saving.raw) {
    const patched = patchText(saving.raw, data, fields);
    if (patched !== null) {
      return patched;
    }
  }
  return freshText(data, fields, sortedKeys);
}

const base = document.currentScript ? document.currentScript.src : location.href;
import(new URL("yaml/browser/index.js", base).href).then((module) => {
  YAML = module;
  window.RoutewijzerYaml = { fromFile, toFile, patchText, freshText };
  if (window.CMS) {
    window.CMS.registerCustomFormat("rw-yaml", "yaml", { fromFile, toFile });
    window.CMS.init();
  }
});
})();
