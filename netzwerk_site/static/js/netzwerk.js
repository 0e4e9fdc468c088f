// Progressive enhancement only: every page works without JavaScript.
(() => {
    // Screen readers hear a character count once typing pauses, not on every key (as GOV.UK's character count).
    const ANSAGE_PAUSE_MS = 1000;

    function zaehlerText(rest) {
        if (rest >= 0) {
            return rest === 1 ? "noch 1 Zeichen" : `noch ${rest.toLocaleString("de-DE")} Zeichen`;
        }
        const zuViel = -rest;
        return zuViel === 1 ? "1 Zeichen zu viel" : `${zuViel.toLocaleString("de-DE")} Zeichen zu viel`;
    }

    // A field with data-zeichen-max (netzwerk_site.fields.mit_zeichenzaehler) shows how much room is left.
    // The browser's maxlength is not used: it would cut pasted text without a word; the server names the limit.
    function zaehlerAnbringen(feld) {
        const max = Number.parseInt(feld.dataset.zeichenMax, 10);
        if (!max || !feld.id) {
            return;
        }
        const anzeige = document.createElement("p");
        anzeige.className = "zeichenzaehler";
        anzeige.id = `${feld.id}_zaehler`;
        const ansage = document.createElement("p");
        ansage.className = "visually-hidden";
        ansage.setAttribute("aria-live", "polite");
        feld.insertAdjacentElement("afterend", anzeige);
        anzeige.insertAdjacentElement("afterend", ansage);
        const beschrieben = feld.getAttribute("aria-describedby");
        feld.setAttribute("aria-describedby", beschrieben ? `${beschrieben} ${anzeige.id}` : anzeige.id);

        let pause;
        const aktualisieren = () => {
            const rest = max - feld.value.length;
            anzeige.textContent = zaehlerText(rest);
            anzeige.classList.toggle("zeichenzaehler--zu-viel", rest < 0);
            clearTimeout(pause);
            pause = setTimeout(() => {
                ansage.textContent = anzeige.textContent;
            }, ANSAGE_PAUSE_MS);
        };
        anzeige.textContent = zaehlerText(max - feld.value.length);
        feld.addEventListener("input", aktualisieren);
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("[data-zeichen-max]").forEach(zaehlerAnbringen);
        // Move focus to the error summary so screen readers announce it (WCAG 3.3.1).
        const summary = document.getElementById("fehler");
        if (summary) {
            summary.focus();
        }
    });
})();
