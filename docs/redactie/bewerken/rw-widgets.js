/* Routewijzer's own form widgets for Decap CMS (loaded only on /redactie/bewerken/).
 *
 * rw-fact: a fact that may be unknown. The file holds either the value itself or
 *   {unknown: "why it is unknown and where to find it"}; the editor chooses between the two
 *   with radio buttons and never sees that shape. Settings come from the generated config.yml
 *   (generator/output/cms.py): value_widget (string, datetime, number, list), value (pattern,
 *   min, max), input_type (email, url, tel) and unknown_label.
 * rw-steps: the steps of a route. The file holds a mapping id -> step; the form shows a list
 *   of steps, each with its id, through Decap's own list widget.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  if (!CMS || !h || !createClass) {
    return;
  }

  function plain(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }

  function setting(field, key, fallback) {
    var found = field.get(key);
    return found === undefined ? fallback : plain(found);
  }

  function isUnknown(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) && "unknown" in value;
  }

  var FactControl = createClass({
    getInitialState: function () {
      var value = plain(this.props.value);
      return { mode: isUnknown(value) ? "onbekend" : "bekend" };
    },

    valueWidget: function () {
      return setting(this.props.field, "value_widget", "string");
    },

    setMode: function (mode) {
      this.setState({ mode: mode });
      var value = plain(this.props.value);
      if (mode === "onbekend" && !isUnknown(value)) {
        this.props.onChange({ unknown: "" });
      } else if (mode === "bekend" && isUnknown(value)) {
        this.props.onChange(this.valueWidget() === "list" ? [] : "");
      }
    },

    known: function (raw) {
      var kind = this.valueWidget();
      if (kind === "list") {
        return raw.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
      }
      if (kind === "number") {
        var number = parseInt(raw, 10);
        return isNaN(number) ? raw : number;
      }
      return raw;
    },

    isValid: function () {
      var value = plain(this.props.value);
      if (isUnknown(value)) {
        return String(value.unknown || "").trim()
          ? true
          : { error: { message: "Schrijf waarom dit onbekend is en waar het te vinden is." } };
      }
      var options = setting(this.props.field, "value", {}) || {};
      var kind = this.valueWidget();
      if (kind === "number" && value !== "" && value !== undefined && value !== null) {
        if (typeof value !== "number" || (options.min !== undefined && value < options.min) ||
            (options.max !== undefined && value > options.max)) {
          return { error: { message: "Vul een jaartal in tussen " + options.min + " en " + options.max + "." } };
        }
      }
      if (options.pattern && typeof value === "string" && value !== "") {
        if (!new RegExp(options.pattern[0]).test(value)) {
          return { error: { message: options.pattern[1] } };
        }
      }
      return true;
    },

    render: function () {
      var self = this;
      var props = this.props;
      var value = plain(props.value);
      var mode = this.state.mode;
      var group = props.forID + "-keuze";
      var unknownLabel = setting(props.field, "unknown_label", "onbekend");
      function radio(key, text) {
        return h("label", { style: { marginRight: "1.5em", display: "inline-flex", gap: "0.4em" } },
          h("input", {
            type: "radio", name: group, value: key, checked: mode === key,
            onChange: function () { self.setMode(key); }
          }),
          text);
      }
      var input;
      if (mode === "onbekend") {
        input = h("input", {
          id: props.forID, type: "text", className: props.classNameWrapper,
          "aria-describedby": group + "-uitleg",
          value: isUnknown(value) ? value.unknown || "" : "",
          onChange: function (event) { props.onChange({ unknown: event.target.value }); },
          onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle
        });
      } else if (this.valueWidget() === "list") {
        input = h("textarea", {
          id: props.forID, className: props.classNameWrapper, rows: 3,
          "aria-describedby": group + "-uitleg",
          value: Array.isArray(value) ? value.join("\n") : "",
          onChange: function (event) { props.onChange(self.known(event.target.value)); },
          onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle
        });
      } else {
        var kind = this.valueWidget();
        var type = kind === "datetime" ? "date" : kind === "number" ? "number" : setting(props.field, "input_type", "text");
        input = h("input", {
          id: props.forID, type: type, className: props.classNameWrapper,
          "aria-describedby": group + "-uitleg",
          value: value === undefined || value === null || isUnknown(value) ? "" : String(value),
          onChange: function (event) { props.onChange(self.known(event.target.value)); },
          onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle
        });
      }
      var explain = mode === "onbekend"
        ? "Schrijf waarom het onbekend is en waar een redacteur het kan vinden."
        : this.valueWidget() === "list" ? "Eén per regel." : "";
      return h("div", { className: "rw-fact" },
        h("fieldset", { style: { border: 0, padding: "0.5em 0", margin: 0 } },
          h("legend", { className: "visually-hidden", style: { position: "absolute", left: "-9999px" } },
            "Is dit bekend?"),
          radio("bekend", "bekend"),
          radio("onbekend", unknownLabel)),
        input,
        h("p", { id: group + "-uitleg", style: { margin: "0.3em 0 0", fontSize: "0.85em" } }, explain));
    }
  });

  function FactPreview(props) {
    var value = plain(props.value);
    if (isUnknown(value)) {
      return h("p", null, "Onbekend: " + (value.unknown || ""));
    }
    return h("p", null, Array.isArray(value) ? value.join(", ") : String(value === undefined ? "" : value));
  }

  CMS.registerWidget("rw-fact", FactControl, FactPreview);

  // ------------------------------------------------------------------ rw-steps

  var listWidget = CMS.getWidget("list");
  var ListControl = listWidget && listWidget.control;

  // Everything stays an Immutable collection, made from the ones Decap hands over: Decap does
  // not expose Immutable itself, and its list widget expects Immutable values.
  var StepsControl = createClass({
    toList: function () {
      // The same list for the same value: the list widget compares by identity.
      var value = this.props.value;
      if (this.cache && this.cache.value === value) {
        return this.cache.list;
      }
      var list = this.props.field.get("fields").clear();
      if (value && typeof value.entrySeq === "function") {
        list = value.entrySeq().map(function (pair) {
          return pair[1] && typeof pair[1].set === "function" ? pair[1].set("id", pair[0]) : pair[1];
        }).toList();
      }
      this.cache = { value: value, list: list };
      return list;
    },

    onChange: function (list) {
      var steps = this.props.field.clear();
      (list || []).forEach(function (step) {
        if (step && typeof step.get === "function") {
          steps = steps.set(step.get("id") || "", step.delete("id"));
        }
      });
      if (this.props.value && typeof this.props.value.equals === "function" && this.props.value.equals(steps)) {
        return;
      }
      this.cache = { value: steps, list: list };
      this.props.onChange(steps);
    },

    render: function () {
      if (!ListControl) {
        return h("p", null, "De stappen van een route kun je hier niet bewerken; pas ze aan in het YAML-bestand.");
      }
      var fields = this.props.field.get("fields");
      var idField = fields.first().clear()
        .set("name", "id").set("widget", "string")
        .set("label", this.props.field.get("id_label") || "Id")
        .set("hint", this.props.field.get("id_hint") || "")
        .set("pattern", fields.clear().push("^[a-z0-9]+(?:-[a-z0-9]+)*$").push("Gebruik kleine letters, cijfers en streepjes."));
      var field = this.props.field.set("widget", "list").set("fields", fields.unshift(idField));
      return h(ListControl, Object.assign({}, this.props, {
        field: field, value: this.toList(), onChange: this.onChange
      }));
    }
  });

  CMS.registerWidget("rw-steps", StepsControl);

  // ------------------------------------------------------------------ before saving

  // Decap writes an optional field the editor left empty as "" (a date as "", a list as []);
  // the models read "" as a wrong value, so empty optional values are left out of the file,
  // as someone writing YAML by hand would. false and 0 are values and stay.
  function prune(value) {
    if (Array.isArray(value)) {
      return value.map(prune).filter(function (item) { return item !== undefined; });
    }
    if (value !== null && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var item = prune(value[key]);
        var empty = item === undefined ||
          (Array.isArray(item) && item.length === 0) ||
          (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length === 0);
        if (!empty) {
          out[key] = item;
        }
      });
      return out;
    }
    return value === "" || value === null ? undefined : value;
  }

  // In a new record, every nested group gets its keys in the form's order (the top level
  // already does): a new source reads title, url, ... like the others, not in typing order.
  var formFields = null;
  fetch("config.yml").then(function (response) { return response.text(); }).then(function (text) {
    var config = JSON.parse(text.replace(/^#.*\n/, ""));
    formFields = {};
    config.collections.forEach(function (collection) { formFields[collection.name] = collection.fields; });
  }).catch(function () { formFields = {}; });

  function ordered(value, fields) {
    if (!fields || value === null || typeof value !== "object") {
      return value;
    }
    if (Array.isArray(value)) {
      return value.map(function (item) { return ordered(item, fields); });
    }
    var out = {};
    var names = fields.map(function (field) { return field.name; });
    names.concat(Object.keys(value).filter(function (key) { return names.indexOf(key) < 0; }))
      .forEach(function (key) {
        if (key in value) {
          var field = fields.filter(function (f) { return f.name === key; })[0];
          var inner = field && (field.fields || (field.field && field.field.fields));
          out[key] = field && field.widget === "rw-steps" ? value[key] : ordered(value[key], inner);
        }
      });
    return out;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var fields = formFields && formFields[entry.get("collection")];
      var data = prune(entry.get("data").toJS()) || {};
      if (entry.get("newRecord") && fields) {
        data = ordered(data, fields);
      }
      // For the rw-yaml format (rw-yaml.js): the file as it was, so only changed keys are re-written.
      window.rwSaving = { raw: entry.get("newRecord") ? "" : entry.get("raw") || "", fields: fields };
      return entry.get("data").clear().merge(data);
    }
  });
})();
