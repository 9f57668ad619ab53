// The composer's completions: "@al" offers members whose handle or name starts with "al" (asked of the server),
// ":ta" offers emoji shortcodes (a fixed list loaded once). Both follow the ARIA combobox pattern on the textarea
// while a list is open (a listbox of options, the active one named by aria-activedescendant): Up/Down move, Enter or Tab insert, Escape
// closes; a click inserts too. Plain typing works the same without this file: posts link @handles and render :tada:.
(() => {
    "use strict";

    const memberTrigger = /(?:^|[^A-Za-z0-9@./_-])@([A-Za-z0-9-]{1,30})$/;
    const emojiTrigger = /(?:^|[^A-Za-z0-9])(:[a-z0-9_+-]{2,30})$/;
    let forms = 0;
    let emojiList = null;

    const loadEmoji = (url) => {
        emojiList ??= fetch(url, { credentials: "same-origin" })
            .then((response) => (response.ok ? response.json() : []))
            .catch(() => []);
        return emojiList;
    };

    for (const form of document.querySelectorAll("form[data-members], form[data-emoji]")) {
        const text = form.querySelector("textarea");
        if (!text) continue;
        const id = `completion-${++forms}`;
        const list = document.createElement("ul");
        list.id = id;
        list.className = "completion";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        list.hidden = true;
        const status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("aria-live", "polite");
        text.after(list, status);
        // At rest the text stays a plain textbox (which may say it completes into a list it controls); while a list
        // is open it is a combobox (expanded, naming its active option). HTML allows no role on a textarea, so axe
        // would flag a combobox role left there at rest.
        text.setAttribute("aria-autocomplete", "list");
        text.setAttribute("aria-controls", id);

        let options = [];
        let active = -1;
        let trigger = null;
        let asked = 0;
        let timer = 0;

        const close = () => {
            list.hidden = true;
            list.replaceChildren();
            options = [];
            active = -1;
            trigger = null;
            text.removeAttribute("aria-expanded");
            text.removeAttribute("role");
            text.removeAttribute("aria-activedescendant");
        };

        const activate = (index) => {
            options.forEach((option, i) => option.element.setAttribute("aria-selected", String(i === index)));
            active = index;
            if (index < 0) {
                text.removeAttribute("aria-activedescendant");
                return;
            }
            text.setAttribute("aria-activedescendant", options[index].element.id);
            options[index].element.scrollIntoView({ block: "nearest" });
        };

        const choose = (index) => {
            const option = options[index];
            if (!option || !trigger) return;
            const { start, end } = trigger;
            close();
            text.setRangeText(`${option.insert} `, start, end, "end");
            text.dispatchEvent(new Event("input", { bubbles: true }));
            text.focus();
        };

        const show = (found, at) => {
            list.replaceChildren();
            options = found.map((item, i) => {
                const element = document.createElement("li");
                element.id = `${id}-option-${i}`;
                element.className = "completion__option";
                element.setAttribute("role", "option");
                const main = document.createElement("span");
                main.className = "completion__main";
                main.textContent = item.main;
                const detail = document.createElement("span");
                detail.className = "completion__detail";
                detail.textContent = item.detail;
                element.append(main, " ", detail);
                // Keep the focus in the text: the press must not blur it before the click inserts.
                element.addEventListener("mousedown", (event) => event.preventDefault());
                element.addEventListener("click", () => choose(i));
                list.append(element);
                return { element, insert: item.insert };
            });
            trigger = at;
            if (options.length === 0) {
                close();
                status.textContent = "";
                return;
            }
            list.hidden = false;
            text.setAttribute("role", "combobox");
            text.setAttribute("aria-expanded", "true");
            activate(0);
            status.textContent = `${options.length} suggestion${options.length === 1 ? "" : "s"}. Up and Down to choose, Enter to insert.`;
        };

        const update = () => {
            window.clearTimeout(timer);
            const at = text.selectionStart;
            if (at !== text.selectionEnd) {
                close();
                return;
            }
            const before = text.value.slice(0, at);
            const member = form.dataset.members && memberTrigger.exec(before);
            const emoji = !member && form.dataset.emoji && emojiTrigger.exec(before);
            if (member) {
                const typed = member[1];
                const place = { start: at - typed.length - 1, end: at };
                const ask = ++asked;
                timer = window.setTimeout(async () => {
                    try {
                        const url = new URL(form.dataset.members, window.location.href);
                        url.searchParams.set("q", typed);
                        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
                        if (!response.ok) throw new Error(String(response.status));
                        const members = await response.json();
                        if (ask !== asked) return; // A later keystroke asked again: its answer counts.
                        show(members.map((m) => ({ main: `@${m.handle}`, detail: m.name, insert: `@${m.handle}` })), place);
                    } catch {
                        if (ask === asked) close();
                    }
                }, 150);
            } else if (emoji) {
                const typed = emoji[1];
                const code = typed.slice(1);
                const place = { start: at - typed.length, end: at };
                const ask = ++asked;
                loadEmoji(form.dataset.emoji).then((all) => {
                    if (ask !== asked) return;
                    const starts = all.filter((e) => e.code.startsWith(code));
                    const within = all.filter((e) => !e.code.startsWith(code) && e.code.includes(code));
                    show([...starts, ...within].slice(0, 8).map((e) => ({ main: e.emoji, detail: `:${e.code}:`, insert: `:${e.code}:` })), place);
                });
            } else {
                asked++;
                close();
            }
        };

        text.addEventListener("input", update);
        text.addEventListener("click", () => { if (!list.hidden) update(); });
        text.addEventListener("blur", () => window.setTimeout(close, 100));
        text.addEventListener("keydown", (event) => {
            if (list.hidden || options.length === 0 || event.ctrlKey || event.metaKey || event.altKey) return;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                const step = event.key === "ArrowDown" ? 1 : -1;
                activate((active + step + options.length) % options.length);
            } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && active >= 0) {
                event.preventDefault();
                choose(active);
            } else if (event.key === "Escape") {
                event.preventDefault();
                event.stopPropagation();
                asked++;
                close();
            }
        });
    }
})();
