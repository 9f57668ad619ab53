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

    // Coming back with the Back button can restore the page as it was left, mid-submit:
    // make its forms usable again instead of swallowing every click.
    window.addEventListener("pageshow", (event) => {
        if (!event.persisted) return;
        for (const form of document.querySelectorAll("form[data-submitting]")) {
            delete form.dataset.submitting;
            for (const button of form.querySelectorAll("button[aria-disabled]")) {
                button.removeAttribute("aria-disabled");
            }
        }
    });

    // Unread tracking: a thread opened plainly starts at the page after the last reply read; bring the first
    // unread reply into view (without script the page simply starts there, under the opening post).
    const firstUnread = document.getElementById("new");
    if (firstUnread && !window.location.hash) {
        firstUnread.scrollIntoView({ block: "start" });
    }

    // When the server sends a form back with errors, start at the first one, so that it is in view
    // and a screen reader reads it out (a field's error is part of its description).
    const firstError = document.querySelector(".validation-summary-errors, .input-validation-error:not([type=hidden])");
    if (firstError) {
        if (!firstError.matches("input, textarea, select")) firstError.tabIndex = -1;
        firstError.focus();
    }

    // Keep "3 minutes ago" true while the page stays open, in the same words as the server
    // (RelativeTime.Describe), so a date does not change its wording a minute after the page loads.
    const describe = (seconds) => {
        const minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
        if (seconds < 45) return "just now";
        if (minutes < 1.5) return "a minute ago";
        if (minutes < 45) return `${Math.round(minutes)} minutes ago`;
        if (minutes < 90) return "an hour ago";
        if (hours < 22) return `${Math.round(hours)} hours ago`;
        if (hours < 36) return "yesterday";
        if (days < 26) return `${Math.round(days)} days ago`;
        if (days < 45) return "a month ago";
        if (days < 320) return `${Math.max(2, Math.round(days / 30.44))} months ago`;
        if (days < 548) return "a year ago";
        return `${Math.round(days / 365.25)} years ago`;
    };
    const refresh = () => {
        const now = Date.now();
        for (const time of document.querySelectorAll("time[datetime]")) {
            const seconds = (now - Date.parse(time.getAttribute("datetime"))) / 1000;
            if (Number.isNaN(seconds)) continue;
            time.textContent = describe(seconds);
        }
    };
    setInterval(refresh, 60000);

    // Dates are shown in the member's chosen time zone, else this browser's: tell the server which that is.
    try {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && !document.cookie.split("; ").includes(`communityhub.tz=${encodeURIComponent(zone)}`)) {
            document.cookie = `communityhub.tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
        }
    } catch { /* No Intl: UTC it is. */ }

    // The composer's attachments: files pasted or dropped into the text are uploaded at once (with a progress bar)
    // and referenced by the form as pending uploads; without script the form's own file input sends them with the post.
    for (const field of document.querySelectorAll(".attachments-field[data-upload]")) {
        const form = field.closest("form");
        const text = form && form.querySelector("textarea");
        const list = field.querySelector(".attachments-pending");
        const token = form && form.querySelector("input[name=__RequestVerificationToken]");
        if (!text || !list || !token) continue;
        const hint = field.querySelector(".hint");
        if (hint) hint.append(" You can also paste or drop files into the text.");

        const upload = (file) => {
            const item = document.createElement("li");
            const name = document.createElement("span");
            name.textContent = file.name || "pasted image";
            const progress = document.createElement("progress");
            progress.max = 100;
            progress.value = 0;
            progress.setAttribute("aria-label", `Uploading ${name.textContent}`);
            item.append(name, " ", progress);
            list.append(item);

            const body = new FormData();
            body.append("file", file, file.name || "pasted-image.png");
            body.append("__RequestVerificationToken", token.value);
            const request = new XMLHttpRequest();
            request.open("POST", field.dataset.upload);
            request.responseType = "json";
            request.upload.addEventListener("progress", (event) => {
                if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
            });
            request.addEventListener("load", () => {
                progress.remove();
                const answer = request.response || {};
                if (request.status !== 200 || !answer.id) {
                    item.classList.add("attachments-pending__error");
                    item.setAttribute("role", "alert");
                    name.textContent = answer.error || `${name.textContent} could not be uploaded (${request.status}). Try the file field instead.`;
                    return;
                }
                const id = document.createElement("input");
                id.type = "hidden";
                id.name = "Input.AttachmentIds";
                id.value = answer.id;
                name.textContent = `${answer.name} (${answer.size}) will be attached.`;
                if (answer.thumbnail) {
                    const image = document.createElement("img");
                    image.src = answer.thumbnail;
                    image.alt = "";
                    image.className = "attachments-pending__thumbnail";
                    item.prepend(image);
                }
                const remove = document.createElement("button");
                remove.type = "button";
                remove.className = "link-button";
                remove.textContent = `Remove ${answer.name}`;
                remove.addEventListener("click", () => { item.remove(); text.focus(); });
                item.append(" ", remove, id);
            });
            request.addEventListener("error", () => {
                progress.remove();
                item.classList.add("attachments-pending__error");
                item.setAttribute("role", "alert");
                name.textContent = `${name.textContent} could not be uploaded: the connection failed. Try again.`;
            });
            request.send(body);
        };

        text.addEventListener("paste", (event) => {
            const files = [...(event.clipboardData ? event.clipboardData.files : [])];
            if (files.length === 0) return;
            event.preventDefault();
            files.forEach(upload);
        });
        text.addEventListener("dragover", (event) => {
            if (event.dataTransfer && [...event.dataTransfer.types].includes("Files")) {
                event.preventDefault();
                text.classList.add("is-dropping");
            }
        });
        text.addEventListener("dragleave", () => text.classList.remove("is-dropping"));
        text.addEventListener("drop", (event) => {
            text.classList.remove("is-dropping");
            const files = [...(event.dataTransfer ? event.dataTransfer.files : [])];
            if (files.length === 0) return;
            event.preventDefault();
            files.forEach(upload);
        });
    }
})();
