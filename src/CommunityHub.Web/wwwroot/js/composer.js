// The composer's enhancements: a formatting toolbar with the usual shortcuts, a Write/Preview pair of tabs rendered
// by the server, and "Quote" on posts. Every form works without this file (the Preview button, plain Markdown, the
// file input, the "Quote" links).
(() => {
    "use strict";

    const isMac = /Mac|iPhone|iPad/.test(navigator.platform || "");
    const modifier = isMac ? "Meta" : "Control";

    // Replaces the selection with before + selection (or a placeholder) + after, keeping the words selected.
    const wrap = (text, before, after, placeholder) => {
        const start = text.selectionStart, end = text.selectionEnd;
        const chosen = text.value.slice(start, end) || placeholder;
        text.setRangeText(before + chosen + after, start, end, "select");
        text.setSelectionRange(start + before.length, start + before.length + chosen.length);
        text.dispatchEvent(new Event("input", { bubbles: true }));
        text.focus();
    };

    // Puts a prefix before every line the selection touches ("> " for a quote, "- " for a list).
    const prefixLines = (text, prefix, placeholder) => {
        let start = text.selectionStart;
        const end = text.selectionEnd;
        start = text.value.lastIndexOf("\n", start - 1) + 1;
        const chosen = text.value.slice(start, end) || placeholder;
        const lines = chosen.split("\n").map((line) => prefix + line).join("\n");
        const before = start > 0 && text.value[start - 1] !== "\n" ? "\n" : "";
        text.setRangeText(before + lines, start, end, "end");
        text.dispatchEvent(new Event("input", { bubbles: true }));
        text.focus();
    };

    const insertBlock = (text, block) => {
        const at = text.selectionEnd;
        const value = text.value;
        const lead = at === 0 ? "" : value.slice(0, at).endsWith("\n\n") ? "" : value.slice(0, at).endsWith("\n") ? "\n" : "\n\n";
        text.setRangeText(`${lead}${block}\n\n`, at, at, "end");
        text.dispatchEvent(new Event("input", { bubbles: true }));
        text.focus();
    };

    const actions = {
        bold: { label: "Bold", key: "b", run: (t) => wrap(t, "**", "**", "bold text") },
        italic: { label: "Italic", key: "i", run: (t) => wrap(t, "*", "*", "italic text") },
        link: {
            label: "Link", key: "k", run: (t) => {
                const start = t.selectionStart, end = t.selectionEnd;
                const words = t.value.slice(start, end) || "link text";
                t.setRangeText(`[${words}](https://)`, start, end, "end");
                const url = start + words.length + 3;
                t.setSelectionRange(url, url + 8);
                t.dispatchEvent(new Event("input", { bubbles: true }));
                t.focus();
            },
        },
        code: {
            label: "Code", run: (t) => {
                const chosen = t.value.slice(t.selectionStart, t.selectionEnd);
                if (chosen.includes("\n")) wrap(t, "```\n", "\n```", "");
                else wrap(t, "`", "`", "code");
            },
        },
        quote: { label: "Quote", run: (t) => prefixLines(t, "> ", "quoted text") },
        list: { label: "Bulleted list", run: (t) => prefixLines(t, "- ", "list item") },
    };

    const shortcutText = (key) => `${isMac ? "⌘" : "Ctrl+"}${key.toUpperCase()}`;

    for (const form of document.querySelectorAll("form.composer")) {
        const text = form.querySelector("textarea");
        const field = text && text.closest(".field");
        if (!text || !field) continue;

        // The toolbar: one tab stop, arrow keys move between its buttons (the ARIA toolbar pattern).
        const toolbar = document.createElement("div");
        toolbar.className = "composer-toolbar";
        toolbar.setAttribute("role", "toolbar");
        toolbar.setAttribute("aria-label", "Formatting");
        toolbar.setAttribute("aria-controls", text.id);
        const buttons = [];
        for (const [name, action] of Object.entries(actions)) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = `composer-toolbar__button composer-toolbar__button--${name}`;
            button.dataset.action = name;
            button.textContent = action.label;
            if (action.key) {
                button.title = `${action.label} (${shortcutText(action.key)})`;
                button.setAttribute("aria-keyshortcuts", `${modifier}+${action.key.toUpperCase()}`);
            }
            button.addEventListener("click", () => action.run(text));
            buttons.push(button);
        }
        const files = form.querySelector("input[type=file]");
        if (files) {
            const attach = document.createElement("button");
            attach.type = "button";
            attach.className = "composer-toolbar__button composer-toolbar__button--attach";
            attach.textContent = "Attach";
            attach.addEventListener("click", () => files.click());
            buttons.push(attach);
        }
        buttons.forEach((button, i) => { button.tabIndex = i === 0 ? 0 : -1; toolbar.append(button); });
        toolbar.addEventListener("keydown", (event) => {
            const at = buttons.indexOf(document.activeElement);
            if (at < 0) return;
            let next = -1;
            if (event.key === "ArrowRight") next = (at + 1) % buttons.length;
            else if (event.key === "ArrowLeft") next = (at - 1 + buttons.length) % buttons.length;
            else if (event.key === "Home") next = 0;
            else if (event.key === "End") next = buttons.length - 1;
            if (next < 0) return;
            event.preventDefault();
            buttons[at].tabIndex = -1;
            buttons[next].tabIndex = 0;
            buttons[next].focus();
        });

        // Shortcuts in the text: Ctrl/Cmd+B, I, K format; Ctrl/Cmd+Enter posts (the form's first button).
        text.addEventListener("keydown", (event) => {
            if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey) return;
            if (event.key === "Enter") {
                event.preventDefault();
                const submit = form.querySelector("button[type=submit]:not([formaction])");
                if (submit) form.requestSubmit(submit);
                return;
            }
            const action = Object.values(actions).find((a) => a.key && a.key === event.key.toLowerCase());
            if (action && !event.shiftKey) {
                event.preventDefault();
                action.run(text);
            }
        });

        // Drafts: what is typed is saved on the server (a moment after typing stops), and restored here or on any other
        // device when the composer opens empty; posting discards it (the server does that with the post).
        const draftUrl = form.dataset.draft;
        const draftToken = form.querySelector("input[name=__RequestVerificationToken]");
        if (draftUrl && draftToken) {
            const title = form.querySelector("input[name='Input.Title']");
            const status = document.createElement("p");
            status.className = "hint composer-draft";
            status.setAttribute("aria-live", "polite");
            field.after(status);
            const place = new URL(draftUrl, window.location.href);
            const say = (words, withLink) => {
                status.textContent = words;
                if (withLink) {
                    const all = document.createElement("a");
                    all.href = withLink;
                    all.textContent = "Your drafts";
                    status.append(" ", all);
                }
            };
            let timer = 0;
            let lastSaved = null;
            const save = async () => {
                const now = `${title ? title.value : ""}\u0000${text.value}`;
                if (now === lastSaved || form.dataset.submitting === "true") return;
                const body = new FormData();
                for (const [key, value] of place.searchParams) body.append(key, value);
                if (title) body.append("title", title.value);
                body.append("body", text.value);
                body.append("__RequestVerificationToken", draftToken.value);
                try {
                    const response = await fetch(place.pathname, { method: "POST", body, credentials: "same-origin" });
                    if (!response.ok) throw new Error(String(response.status));
                    const answer = await response.json();
                    lastSaved = now;
                    say(answer.saved ? "Draft saved." : "", answer.saved ? answer.drafts : null);
                } catch {
                    say("Your draft could not be saved just now; it is still here.");
                }
            };
            const later = () => { window.clearTimeout(timer); timer = window.setTimeout(save, 1200); };
            text.addEventListener("input", later);
            if (title) title.addEventListener("input", later);
            form.addEventListener("submit", () => window.clearTimeout(timer));
            if (!text.value && !(title && title.value)) {
                fetch(place, { credentials: "same-origin" }).then((response) => response.status === 200 ? response.json() : null).then((draft) => {
                    if (!draft || text.value || (title && title.value)) return;
                    text.value = draft.body || "";
                    if (title && draft.title) title.value = draft.title;
                    lastSaved = `${title ? title.value : ""}\u0000${text.value}`;
                    say("Your draft was restored.", draft.drafts);
                    const discard = document.createElement("button");
                    discard.type = "button";
                    discard.className = "link-button";
                    discard.textContent = "Discard draft";
                    discard.addEventListener("click", async () => {
                        text.value = "";
                        if (title) title.value = "";
                        await save();
                        say("Draft discarded.");
                        text.focus();
                    });
                    status.append(" ", discard);
                }).catch(() => { /* No draft then: the composer starts empty. */ });
            }
        }

        // Write / Preview tabs: the preview is rendered by the server, as the post will be.
        const previewUrl = form.dataset.preview;
        const token = form.querySelector("input[name=__RequestVerificationToken]");
        if (previewUrl && token) {
            const id = text.id || "composer-text";
            const tabs = document.createElement("div");
            tabs.className = "composer-tabs";
            tabs.setAttribute("role", "tablist");
            tabs.setAttribute("aria-label", "Write or preview");
            const write = document.createElement("button");
            const preview = document.createElement("button");
            const panel = document.createElement("div");
            field.id = field.id || `${id}-write`;
            panel.id = `${id}-preview`;
            panel.className = "composer-preview-panel prose";
            panel.setAttribute("role", "tabpanel");
            panel.setAttribute("aria-labelledby", `${id}-preview-tab`);
            panel.tabIndex = 0;
            panel.hidden = true;
            field.setAttribute("role", "tabpanel");
            field.setAttribute("aria-labelledby", `${id}-write-tab`);
            for (const [tab, name, controls] of [[write, "Write", field.id], [preview, "Preview", panel.id]]) {
                tab.type = "button";
                tab.id = `${id}-${name.toLowerCase()}-tab`;
                tab.className = "composer-tabs__tab";
                tab.setAttribute("role", "tab");
                tab.setAttribute("aria-controls", controls);
                tab.textContent = name;
                tabs.append(tab);
            }
            const select = async (showPreview) => {
                write.setAttribute("aria-selected", String(!showPreview));
                preview.setAttribute("aria-selected", String(showPreview));
                write.tabIndex = showPreview ? -1 : 0;
                preview.tabIndex = showPreview ? 0 : -1;
                field.hidden = showPreview;
                toolbar.hidden = showPreview;
                panel.hidden = !showPreview;
                if (!showPreview) return;
                panel.setAttribute("aria-busy", "true");
                panel.textContent = "Rendering the preview…";
                try {
                    const body = new FormData();
                    body.append("body", text.value);
                    body.append("__RequestVerificationToken", token.value);
                    const response = await fetch(previewUrl, { method: "POST", body, credentials: "same-origin" });
                    if (!response.ok) throw new Error(String(response.status));
                    const html = await response.text();
                    // The server's HTML went through the same sanitiser as every post.
                    panel.innerHTML = html || "<p class=\"hint\">Nothing to preview yet: write something first.</p>";
                } catch {
                    panel.textContent = "The preview could not be loaded. Use the Preview button below instead.";
                } finally {
                    panel.removeAttribute("aria-busy");
                }
            };
            write.addEventListener("click", () => select(false));
            preview.addEventListener("click", () => select(true));
            tabs.addEventListener("keydown", (event) => {
                if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
                event.preventDefault();
                const next = document.activeElement === write ? preview : write;
                next.focus();
                select(next === preview);
            });
            field.before(tabs, toolbar);
            field.after(panel);
            write.setAttribute("aria-selected", "true");
            preview.setAttribute("aria-selected", "false");
            preview.tabIndex = -1;
        } else {
            field.before(toolbar);
        }
    }

    // "Quote" on a post: with a passage of that post selected, quotes the passage; otherwise the whole post, as the
    // server would (the link's own address without script). The quote names the author and links back to the post.
    const passageIn = (link) => {
        const post = link.closest("article");
        const body = post && post.querySelector(".post__body");
        const selection = window.getSelection();
        return selection && body && !selection.isCollapsed && body.contains(selection.anchorNode) && body.contains(selection.focusNode)
            ? selection.toString().trim() : "";
    };
    for (const link of document.querySelectorAll("a.post__quote[data-quote-author]")) {
        // A press on the link may clear the selection before the click: read the passage as the press starts.
        link.addEventListener("mousedown", () => { link.dataset.passage = passageIn(link); });
        link.addEventListener("click", (event) => {
            const text = document.querySelector("#reply-form textarea");
            const passage = link.dataset.passage || passageIn(link);
            delete link.dataset.passage;
            if (!text || !passage) return; // The whole post: the server writes the quote from its Markdown.
            event.preventDefault();
            const quoted = passage.split(/\r?\n/).map((line) => (line.trim() ? `> ${line}` : ">")).join("\n");
            const name = link.dataset.quoteAuthor.replace(/[\\[\]]/g, (c) => `\\${c}`);
            insertBlock(text, `> [${name} wrote:](${link.dataset.quoteHref})\n>\n${quoted}`);
            text.scrollIntoView({ block: "center" });
        });
    }
})();
