// Live pages: a signed-in reader's page listens to its stream (the body's data-live, Server-Sent Events) and
// brings in what changed: new replies at the end of a thread's last page, the header's unread count, a
// "new threads" bar on a space's list. The stream carries signals only; replies come as HTML from the thread's
// own /posts fragment, rendered by the same query and partial as the page. Without this script every page is
// the same, a reload away. Quiet by design: no animation, no scrolling, no focus moved; one polite announcement.
(() => {
    "use strict";
    const streamUrl = document.body && document.body.dataset.live;
    if (!streamUrl || !window.EventSource || !window.fetch || !("content" in document.createElement("template"))) return;

    // The live region exists before anything is said in it, so screen readers listen to it. A polite region, not
    // role="status": the page's own status (a notice after a form) stays the one status on the page.
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    status.id = "live-status";
    (document.getElementById("main") || document.body).appendChild(status);
    const announce = (text) => { status.textContent = text; };

    const source = new EventSource(streamUrl);
    source.addEventListener("gone", () => source.close());

    // ---- The header's unread count ----
    source.addEventListener("unread", (event) => {
        const link = document.querySelector(".notification-link");
        if (!link) return;
        const count = JSON.parse(event.data).count;
        let badge = link.querySelector(".badge");
        if (count <= 0) {
            if (badge) badge.remove();
            return;
        }
        if (!badge) {
            // The markup of _UnreadBadge: "Notifications, 3 unread" to a screen reader.
            badge = document.createElement("span");
            badge.className = "badge";
            link.appendChild(badge);
        }
        const comma = document.createElement("span");
        comma.className = "visually-hidden";
        comma.textContent = ", ";
        const unread = document.createElement("span");
        unread.className = "visually-hidden";
        unread.textContent = " unread";
        badge.replaceChildren(comma, String(count), unread);
    });

    // ---- A thread's new replies ----
    const replies = document.querySelector("[data-live-posts]");
    let after = replies ? Number(replies.dataset.liveAfter) : 0;
    let newest = after;
    let fetching = false;

    const append = (list) => {
        let target = replies.querySelector("ol.post-list");
        if (!target) {
            // The thread had no replies: the list takes the place of "No replies yet."
            target = document.createElement("ol");
            target.className = "post-list";
            const empty = replies.querySelector("p.empty");
            if (empty) empty.replaceWith(target); else replies.appendChild(target);
        }
        const items = Array.from(list.children);
        items.forEach((item) => target.appendChild(item));
        return items.length;
    };

    const bringIn = async () => {
        if (fetching || !replies) return;
        fetching = true;
        let added = 0;
        try {
            while (newest > after) {
                const url = new URL(replies.dataset.livePosts, window.location.href);
                url.searchParams.set("after", String(after));
                const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
                if (!response.ok) break;
                const template = document.createElement("template");
                // Our own server-rendered fragment (every value HTML-encoded there); scripts in it never run.
                template.innerHTML = await response.text();
                const list = template.content.querySelector("ol.post-list");
                if (!list) break;
                added += append(list);
                const reached = Number(list.dataset.newest);
                const heading = document.getElementById("replies-heading");
                const count = Number(list.dataset.replyCount);
                if (heading && count >= 0) heading.textContent = count + (count === 1 ? " reply" : " replies");
                if (!(reached > after)) break;
                after = reached;
                replies.dataset.liveAfter = String(after);
                if (list.dataset.more !== "true" && newest <= after) break;
            }
        } catch {
            // The next signal tries again.
        } finally {
            fetching = false;
        }
        if (added > 0) announce(added === 1 ? "1 new reply" : added + " new replies");
        if (newest > after && added > 0) bringIn();
    };

    source.addEventListener("posts", (event) => {
        const signal = JSON.parse(event.data);
        if (signal.newest > newest) newest = signal.newest;
        bringIn();
    });

    // ---- A space's "new threads" bar ----
    source.addEventListener("threads", (event) => {
        const section = document.querySelector("[data-live-threads]");
        if (!section) return;
        const count = JSON.parse(event.data).count;
        let bar = section.querySelector(".live-bar");
        if (count <= 0) {
            if (bar) bar.remove();
            return;
        }
        if (!bar) {
            bar = document.createElement("p");
            bar.className = "live-bar";
            const heading = section.querySelector("h2");
            if (heading) heading.after(bar); else section.prepend(bar);
        }
        // A plain link: following it loads the list afresh, as a reload would.
        const link = document.createElement("a");
        link.href = section.dataset.liveThreads;
        const text = count === 1 ? "1 new thread" : count + " new threads";
        link.textContent = text + " — show";
        bar.replaceChildren(link);
        announce(text);
    });
})();
