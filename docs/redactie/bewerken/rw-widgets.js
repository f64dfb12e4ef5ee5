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
      return h("div", null,
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

  var StepsControl = createClass({
    // Immutable maps are made from the field's own (empty) map: Decap does not expose Immutable.
    fromJS: function (data) {
      return this.props.field.clear().mergeDeep(data);
    },

    toList: function () {
      var self = this;
      var mapping = plain(this.props.value) || {};
      return this.props.field.get("fields").clear().concat(Object.keys(mapping).map(function (id) {
        return self.fromJS(Object.assign({ id: id }, mapping[id] || {}));
      }));
    },

    onChange: function (list) {
      var steps = {};
      (plain(list) || []).forEach(function (step) {
        if (!step) {
          return;
        }
        var copy = Object.assign({}, step);
        var id = copy.id;
        delete copy.id;
        steps[id || ""] = copy;
      });
      this.props.onChange(steps);
    },

    render: function () {
      if (!ListControl) {
        return h("p", null, "De stappen van een route kun je hier niet bewerken; pas ze aan in het YAML-bestand.");
      }
      var idField = this.fromJS({
        name: "id", widget: "string", label: this.props.field.get("id_label") || "Id",
        hint: this.props.field.get("id_hint") || "",
        pattern: ["^[a-z0-9]+(?:-[a-z0-9]+)*$", "Gebruik kleine letters, cijfers en streepjes."]
      });
      var field = this.props.field.set("widget", "list")
        .set("fields", this.props.field.get("fields").unshift(idField));
      return h(ListControl, Object.assign({}, this.props, {
        field: field, value: this.toList(), onChange: this.onChange
      }));
    }
  });

  CMS.registerWidget("rw-steps", StepsControl);
})();
