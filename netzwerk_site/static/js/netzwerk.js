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

// Kommune choice (netzwerk_site.widgets.KommunenAuswahl): typing into "Kommune suchen" shows only the
// matching Kommunen and opens their Landkreis; a name picked from the list is ticked and the box emptied.
// Without JavaScript the typed name is posted and the server adds it.
(() => {
    function normalisiert(text) {
        return text.trim().toLocaleLowerCase("de-DE");
    }

    function filtern(auswahl, suche, status) {
        const begriff = normalisiert(suche.value);
        let treffer = 0;
        auswahl.querySelectorAll(".kommunen-auswahl__gruppe").forEach((gruppe) => {
            let sichtbar = 0;
            gruppe.querySelectorAll("[data-kommune-name]").forEach((eintrag) => {
                const passt = !begriff || eintrag.dataset.kommuneName.includes(begriff);
                eintrag.hidden = !passt;
                sichtbar += passt ? 1 : 0;
            });
            gruppe.hidden = sichtbar === 0;
            if (begriff) {
                gruppe.open = sichtbar > 0;
            } else {
                gruppe.open = gruppe.querySelector("input:checked") !== null;
            }
            treffer += sichtbar;
        });
        status.textContent = begriff ? `${treffer} passende Kommunen` : "";
        return begriff;
    }

    function ankreuzen(auswahl, suche) {
        const begriff = normalisiert(suche.value);
        const genau = [...auswahl.querySelectorAll("[data-kommune-name]")].filter(
            (eintrag) => eintrag.dataset.kommuneName === begriff,
        );
        if (genau.length === 1) {
            genau[0].querySelector("input").checked = true;
            suche.value = "";
        }
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("[data-kommunen-auswahl]").forEach((auswahl) => {
            const suche = auswahl.querySelector(".kommunen-auswahl__suche input");
            const status = auswahl.querySelector("[data-kommunen-status]");
            suche.addEventListener("input", () => filtern(auswahl, suche, status));
            suche.addEventListener("change", () => {
                ankreuzen(auswahl, suche);
                filtern(auswahl, suche, status);
            });
        });
    });
})();

// Filter toggle (components/filter_toggle.html): a sidebar on wide screens, so it starts open there.
(() => {
    const BREIT = "(min-width: 60rem)";
    document.addEventListener("DOMContentLoaded", () => {
        if (window.matchMedia(BREIT).matches) {
            document.querySelectorAll(".filter-toggle").forEach((toggle) => {
                toggle.open = true;
            });
        }
    });
})();
