// The new-thread form: as the title is typed, threads that may already answer it appear under it.
// Without this script the form's "Check for similar questions" button does the same in a round trip.
(() => {
    "use strict";
    const title = document.querySelector("input[data-similar-url]");
    const box = document.getElementById("similar-threads");
    if (!title || !box || !window.fetch) return;
    const form = title.form;
    const formId = form.querySelector("input[name='Input.SubmissionId']");
    let timer = 0;
    let asked = "";
    let controller = null;

    const ask = async () => {
        const text = title.value.trim();
        if (text === asked) return;
        asked = text;
        if (controller) controller.abort();
        if (text.length < 3) {
            box.replaceChildren();
            return;
        }
        controller = new AbortController();
        const url = new URL(title.dataset.similarUrl, window.location.href);
        url.searchParams.set("title", text);
        if (formId) url.searchParams.set("form", formId.value);
        try {
            const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin", signal: controller.signal });
            if (!response.ok) return;
            // Our own server-rendered fragment (every value HTML-encoded there).
            const fragment = document.createRange().createContextualFragment(await response.text());
            box.replaceChildren(fragment);
        } catch {
            // Offline or aborted by a newer request: the form works as before.
        }
    };

    title.addEventListener("input", () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, 350);
    });
})();
