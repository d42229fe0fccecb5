/* cdfmc page behaviour, initialised from data-attributes (no inline scripts).
 *
 * - input[data-be-date]: a Buddhist-Era calendar (air-datepicker). The text box stays the
 *   source of truth: typing (Arabic or Thai digits) only moves the calendar's view; a click
 *   writes "dd/mm/yyyy" with the BE year. The server parses whatever is typed.
 * - input[data-select-all=NAME]: ticks or clears every checkbox named NAME in its form.
 * - [data-show-if="NAME=VALUE"]: a field shown only while the select NAME has VALUE.
 * - button[data-formset-add=PREFIX]: one more row of a Django formset, in place.
 * - form[data-confirm="…"]: asks before submitting (what onsubmit="return confirm()" did).
 * - [data-bar-width=PERCENT]: a bar's length (what style="width: …%" did).
 * Each runs again on content htmx swaps in (htmx.onLoad).
 */
(function () {
  "use strict";

  var BE_OFFSET = 543;
  // Thai names as in air-datepicker's locale/th.js (that file is CommonJS, not browser-ready).
  var TH = {
    days: ["วันอาทิตย์", "วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์"],
    daysShort: ["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."],
    daysMin: ["อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"],
    months: ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
      "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"],
    monthsShort: ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
      "ต.ค.", "พ.ย.", "ธ.ค."],
    today: "วันนี้",
    clear: "ล้าง",
    dateFormat: "dd/MM/yyyy",
    timeFormat: "HH:mm",
    firstDay: 0
  };
  var EN = {
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    daysShort: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    daysMin: ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"],
    monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
      "Dec"],
    today: "Today",
    clear: "Clear",
    dateFormat: "dd/MM/yyyy",
    timeFormat: "HH:mm",
    firstDay: 0
  };

  function arabicDigits(text) {
    return text.replace(/[\u0E50-\u0E59]/g, function (d) {
      return String(d.charCodeAt(0) - 0x0E50);
    });
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function formatBE(date) {
    return pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" + (date.getFullYear() + BE_OFFSET);
  }

  // "13/8/2568", "๑๓/๐๘/๒๕๖๘", "13-08-2568": a date, or null while the text is not one yet.
  function parseBE(text) {
    var m = arabicDigits(text || "").trim().match(/^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/);
    if (!m) return null;
    var year = parseInt(m[3], 10) - BE_OFFSET;
    var date = new Date(year, parseInt(m[2], 10) - 1, parseInt(m[1], 10));
    if (date.getDate() !== parseInt(m[1], 10) || date.getMonth() !== parseInt(m[2], 10) - 1) return null;
    return date;
  }

  function initDatePicker(input) {
    if (input.dataset.beDateReady || typeof AirDatepicker === "undefined") return;
    input.dataset.beDateReady = "1";
    var english = document.documentElement.lang === "en";
    var locale = english ? EN : TH;
    var typed = parseBE(input.value);
    var picker = new AirDatepicker(input, {
      locale: locale,
      autoClose: true,
      keyboardNav: false, // arrow keys move the caret in the text box
      showEvent: "focus",
      selectedDates: typed ? [typed] : [],
      startDate: typed || new Date(),
      buttons: ["today", "clear"],
      dateFormat: formatBE,
      navTitles: {
        days: function (dp) {
          var d = dp.viewDate;
          return locale.months[d.getMonth()] + " <i>" + (d.getFullYear() + BE_OFFSET) + "</i>";
        },
        months: function (dp) {
          return String(dp.viewDate.getFullYear() + BE_OFFSET);
        },
        years: function (dp) {
          var first = Math.floor(dp.viewDate.getFullYear() / 10) * 10;
          return (first + BE_OFFSET) + " - " + (first + 9 + BE_OFFSET);
        }
      },
      onRenderCell: function (cell) {
        if (cell.cellType === "year") {
          return { html: String(cell.date.getFullYear() + BE_OFFSET) };
        }
      },
      onSelect: function () {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    input.addEventListener("input", function () {
      var date = parseBE(input.value);
      if (date) picker.setViewDate(date);
    });
  }

  function initSelectAll(box) {
    if (box.dataset.selectAllReady) return;
    box.dataset.selectAllReady = "1";
    var scope = box.form || document;
    var name = box.dataset.selectAll;
    function targets() {
      return Array.prototype.filter.call(
        scope.querySelectorAll('input[type=checkbox][name="' + name + '"]'),
        function (el) { return !el.disabled; }
      );
    }
    box.addEventListener("change", function () {
      targets().forEach(function (el) { el.checked = box.checked; });
    });
    scope.addEventListener("change", function (event) {
      if (event.target.name !== name) return;
      var all = targets();
      box.checked = all.length > 0 && all.every(function (el) { return el.checked; });
    });
  }

  // data-show-if="NAME=VALUE": the field (with its label) shows only while the select
  // named NAME in the same form has VALUE (e.g. "อื่น ๆ" title, a new creditor's name).
  function initShowIf(field) {
    if (field.dataset.showIfReady) return;
    field.dataset.showIfReady = "1";
    var rule = field.dataset.showIf.split("=");
    var scope = field.form || document;
    var select = scope.querySelector('[name="' + rule[0] + '"]');
    var wrapper = field.closest('[id^="div_id_"]') || field.parentNode;
    if (!select) return;
    function sync() {
      wrapper.hidden = select.value !== rule[1];
    }
    select.addEventListener("change", sync);
    sync();
  }

  // button[data-formset-add=PREFIX]: a new row from template#PREFIX-empty (Django's
  // formset empty_form), appended to [data-formset-body=PREFIX]; TOTAL_FORMS goes up.
  function initFormsetAdd(button) {
    if (button.dataset.formsetReady) return;
    button.dataset.formsetReady = "1";
    var prefix = button.dataset.formsetAdd;
    button.addEventListener("click", function () {
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var template = document.getElementById(prefix + "-empty");
      var body = document.querySelector('[data-formset-body="' + prefix + '"]');
      var index = parseInt(total.value, 10);
      var holder = document.createElement("tbody");
      holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
      var row = holder.firstElementChild;
      body.appendChild(row);
      total.value = String(index + 1);
      init(row);
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    });
  }

  function drawBar(bar) {
    bar.style.width = bar.getAttribute("data-bar-width") + "%";
  }

  function init(root) {
    root = root || document;
    root.querySelectorAll("[data-bar-width]").forEach(drawBar);
    root.querySelectorAll("input[data-be-date]").forEach(initDatePicker);
    root.querySelectorAll("input[data-select-all]").forEach(initSelectAll);
    root.querySelectorAll("[data-show-if]").forEach(initShowIf);
    root.querySelectorAll("button[data-formset-add]").forEach(initFormsetAdd);
  }

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  window.cdfmc = { parseBE: parseBE, formatBE: formatBE };
  if (window.htmx) {
    window.htmx.onLoad(init);
  } else {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  }
})();
