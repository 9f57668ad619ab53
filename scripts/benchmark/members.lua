-- wrk script for scripts/benchmark.sh. Arguments (after wrk's "--"):
--   <mode> <max responses per wrk thread> [members file] [run salt] [form fields]
-- mode "anonymous": plain GETs. mode "signed-in": GETs, each request as the next member of the members file
-- (one "cookie<TAB>form token" line per signed-in member). mode "reply": the reply form POSTed by the members
-- in turn, each with its own cookie and form token, a fresh SubmissionId and the form's other fields.
-- mode "api-read": GETs with the next member's REST API token (one token a line in the members file);
-- mode "api-reply": a JSON reply POSTed with the next member's token and a fresh submissionId.
-- Every wrk thread stops after its share of responses, so a run is bounded in count as well as in time.

local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
    thread:set("id", #threads)
end

local members = {}
local mode, cap, salt, fields
local sent, received = 0, 0
-- Responses other than the one a working page gives (200 for a page, 302 for a reply): a signed-in GET sent to
-- sign in, a refused form. wrk itself counts only 4xx and 5xx.
unexpected = 0

function init(args)
    mode = args[1]
    cap = tonumber(args[2])
    salt = tonumber(args[4] or "0")
    fields = args[5] or ""
    if mode == "api-read" or mode == "api-reply" then
        for line in io.lines(args[3]) do
            if line ~= "" then
                members[#members + 1] = { token = line }
            end
        end
        assert(#members > 0, "no tokens in " .. tostring(args[3]))
    elseif mode ~= "anonymous" then
        for line in io.lines(args[3]) do
            local cookie, token = line:match("^([^\t]*)\t(.*)$")
            if cookie then
                members[#members + 1] = { cookie = cookie, token = token }
            end
        end
        assert(#members > 0, "no members in " .. tostring(args[3]))
    end
end

-- Unique per run, wrk thread and request: the database keeps one post per author and SubmissionId.
local function submission_id()
    return string.format("%08x-%04x-4000-8000-%012x", salt, id, sent)
end

function request()
    sent = sent + 1
    if mode == "anonymous" then
        return wrk.format("GET")
    end

    -- Threads start at different members, then take turns.
    local member = members[(sent + id * 7) % #members + 1]
    if mode == "signed-in" then
        return wrk.format("GET", nil, { ["Cookie"] = member.cookie })
    end

    if mode == "api-read" then
        return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. member.token })
    end

    if mode == "api-reply" then
        return wrk.format("POST", nil, {
            ["Authorization"] = "Bearer " .. member.token,
            ["Content-Type"] = "application/json",
        }, '{"body":"A reply from the benchmark through the API, number ' .. sent .. '","submissionId":"' .. submission_id() .. '"}')
    end

    local body = fields .. "&Input.Body=A+reply+from+the+benchmark%2C+number+" .. sent
        .. "&Input.SubmissionId=" .. submission_id()
        .. "&__RequestVerificationToken=" .. member.token
    return wrk.format("POST", nil, {
        ["Cookie"] = member.cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
end

function response(status, headers, body)
    received = received + 1
    local expected = (mode == "reply") and 302 or (mode == "api-reply") and 201 or 200
    if status ~= expected then
        unexpected = unexpected + 1
    end
    if received >= cap then
        wrk.thread:stop()
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + (thread:get("unexpected") or 0)
    end
    io.write(string.format("Unexpected status: %d\n", total))
end
