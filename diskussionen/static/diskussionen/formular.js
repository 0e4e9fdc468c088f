// Forum forms, progressive enhancement only: without JavaScript the server names every limit and shows the preview.
(() => {
    // Screen readers hear the count once typing pauses, not on every key (as GOV.UK's character count does).
    const ANSAGE_PAUSE_MS = 1000;

    function zaehlerText(rest) {
        if (rest >= 0) {
            return rest === 1 ? "noch 1 Zeichen" : `noch ${rest.toLocaleString("de-DE")} Zeichen`;
        }
        const zuViel = -rest;
        return zuViel === 1 ? "1 Zeichen zu viel" : `${zuViel.toLocaleString("de-DE")} Zeichen zu viel`;
    }

    function zaehlerAnbringen(feld) {
        const max = Number.parseInt(feld.dataset.zeichenMax, 10);
        if (!max) {
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
        // After "Vorschau" the preview takes focus, so it is read out, unless an error summary took it first.
        const vorschau = document.getElementById("vorschau");
        if (vorschau && !document.getElementById("fehler")) {
            vorschau.focus();
        }
    });
})();
