// Forum forms, progressive enhancement only: without JavaScript the server shows the preview all the same.
// The character counters come from js/netzwerk.js, like every other form's.
document.addEventListener("DOMContentLoaded", () => {
    // After "Vorschau" the preview takes focus, so it is read out, unless an error summary took it first.
    const vorschau = document.getElementById("vorschau");
    if (vorschau && !document.getElementById("fehler")) {
        vorschau.focus();
    }
});
