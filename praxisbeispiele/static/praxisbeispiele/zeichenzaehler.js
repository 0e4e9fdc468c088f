/* Shows "noch N Zeichen" under each field with maxlength in forms marked data-zeichenzaehler.
 *
 * Browsers cut text at maxlength without a word; the counter says how much room is left. The visible
 * counter is tied to its field with aria-describedby; a separate polite live region repeats it once
 * typing pauses, so a screen reader is not interrupted at every key (WCAG 4.1.3 Status Messages).
 * Without JavaScript the form works as before and the server names the limit in its error message.
 */
(function () {
    "use strict";

    var PAUSE_MS = 800;

    function text(rest, max) {
        if (rest <= 0) {
            return "Sie haben die Höchstzahl von " + max.toLocaleString("de-DE") + " Zeichen erreicht.";
        }
        return "noch " + rest.toLocaleString("de-DE") + " Zeichen";
    }

    function attach(field) {
        var max = parseInt(field.getAttribute("maxlength"), 10);
        if (!field.id || !(max > 0)) {
            return;
        }
        var counter = document.createElement("p");
        counter.className = "field__help zeichenzaehler";
        counter.id = field.id + "_zaehler";
        var live = document.createElement("p");
        live.className = "visually-hidden";
        live.setAttribute("aria-live", "polite");
        field.insertAdjacentElement("afterend", counter);
        counter.insertAdjacentElement("afterend", live);
        var described = field.getAttribute("aria-describedby");
        field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);

        var timer = null;
        function update() {
            var message = text(max - field.value.length, max);
            counter.textContent = message;
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                live.textContent = message;
            }, PAUSE_MS);
        }
        counter.textContent = text(max - field.value.length, max);
        field.addEventListener("input", update);
    }

    function init() {
        var forms = document.querySelectorAll("form[data-zeichenzaehler]");
        Array.prototype.forEach.call(forms, function (form) {
            Array.prototype.forEach.call(form.querySelectorAll("input[maxlength], textarea[maxlength]"), attach);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
