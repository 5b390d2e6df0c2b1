/* global ReactDOM */
/* eslint-disable @microsoft/power-apps/avoid-dom-form -- this harness page is not a model-driven form: it owns its DOM */
// A PCF context in the browser for the real production bundle: what the Case form gives the control, with the
// user's time zone, language, theme and Web API under the test's control.
(function () {
  window.__controls = {};
  window.ComponentFramework = {
    registerControl: function (name, ctor) {
      window.__controls[name] = ctor;
    },
  };

  var DARK_TOKENS = {
    colorNeutralBackground1: "#292929",
    colorNeutralBackground2: "#1f1f1f",
    colorNeutralForeground1: "#ffffff",
    colorNeutralForeground2: "#d6d6d6",
    colorNeutralStroke1: "#666666",
    colorBrandBackground: "#479ef5",
    colorBrandForeground1: "#62abf5",
    colorPaletteRedForeground1: "#f1707b",
    colorPaletteGreenForeground1: "#54b054",
  };

  window.renderTranscript = function (opts) {
    opts = opts || {};
    var root = document.getElementById("root");
    ReactDOM.unmountComponentAtNode(root);
    var width = opts.width || 800;
    var height = opts.height || 600;
    root.style.width = width + "px";
    root.style.height = height + "px";
    document.body.style.background = opts.dark ? "#1f1f1f" : "#ffffff";
    document.documentElement.dir = opts.rtl ? "rtl" : "ltr";
    window.__loads = [];
    window.__opened = [];
    var Control = window.__controls["E2C.HandoffTranscript"];
    var control = new Control();
    var context = {
      parameters: {
        description: {
          raw: opts.description === undefined ? null : opts.description,
          security: { readable: opts.readable !== false, editable: false, secured: opts.readable === false },
        },
        classification: { raw: opts.classification || null },
        sentiment: { raw: opts.sentiment === undefined ? null : opts.sentiment },
        messageOrder: { raw: opts.order || "oldestFirst" },
        customer: { raw: opts.customerId ? [{ id: opts.customerId, name: "Jane Doe", entityType: "contact" }] : [] },
      },
      mode: {
        isControlDisabled: !!opts.disabled,
        allocatedWidth: width,
        allocatedHeight: height,
        trackContainerResize: function () {},
        contextInfo: { entityId: "{11111111-2222-3333-4444-555555555555}", entityTypeName: "incident" },
      },
      client: {
        getFormFactor: function () {
          return opts.formFactor || 1;
        },
      },
      userSettings: {
        isRTL: !!opts.rtl,
        languageId: opts.languageId || 1033,
        getTimeZoneOffsetMinutes: function () {
          return opts.offsetMinutes || 0;
        },
      },
      resources: {
        getString: function (key) {
          return (opts.strings && opts.strings[key]) || key;
        },
      },
      webAPI: {
        retrieveMultipleRecords: function (entity, query) {
          window.__loads.push([entity, query]);
          if (entity === "incident") {
            var earlier = opts.earlier || [];
            // As Xrm.WebApi rejects: an error with the HTTP status (403 when the user may not read cases).
            if (!Array.isArray(earlier)) return Promise.reject({ errorCode: earlier.status, message: "Forbidden" });
            return Promise.resolve({ entities: earlier });
          }
          var note = opts.note === undefined ? null : opts.note;
          return Promise.resolve({ entities: note === null ? [] : [{ notetext: note }] });
        },
      },
      navigation: {
        openForm: function (options) {
          window.__opened.push(options);
          return Promise.resolve({ savedEntityReference: [] });
        },
      },
      fluentDesignLanguage: opts.dark ? { isDarkTheme: true, tokenTheme: DARK_TOKENS } : undefined,
    };
    control.init(context, function () {}, {}, root);
    ReactDOM.render(control.updateView(context), root);
    return true;
  };
})();
