// Enhancements only: every page works without this file.
(() => {
    "use strict";

    // A form sends once: a second click while the first submit is on its way does nothing.
    // (The server also recognises a repeated submission, so this is comfort, not protection.)
    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (form.dataset.submitting === "true") {
            event.preventDefault();
            return;
        }
        form.dataset.submitting = "true";
        for (const button of form.querySelectorAll("button[type=submit]")) {
            button.setAttribute("aria-disabled", "true");
        }
    });

    // Keep "3 minutes ago" true while the page stays open.
    const units = [["year", 31557600], ["month", 2629800], ["day", 86400], ["hour", 3600], ["minute", 60]];
    const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    const refresh = () => {
        const now = Date.now();
        for (const time of document.querySelectorAll("time[datetime]")) {
            const seconds = (now - Date.parse(time.getAttribute("datetime"))) / 1000;
            if (Number.isNaN(seconds)) continue;
            if (seconds < 45) { time.textContent = "just now"; continue; }
            const [unit, size] = units.find(([, s]) => seconds >= s * 0.9) ?? ["minute", 60];
            time.textContent = format.format(-Math.round(seconds / size), unit);
        }
    };
    setInterval(refresh, 60000);
})();
